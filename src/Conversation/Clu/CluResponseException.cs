namespace Commerce.Conversation.Clu;

/// <summary>The service answered 200 with a body that is not a CLU conversation result; the message says what is wrong.</summary>
public sealed class CluResponseException(string message, Exception? inner = null) : Exception(message, inner);
