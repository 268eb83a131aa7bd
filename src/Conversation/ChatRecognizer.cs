namespace Commerce.Conversation;

/// <summary>Which recognizer answers the chat (<c>Chat:Recognizer</c>).</summary>
public enum ChatRecognizer
{
    /// <summary>The ML.NET model in process (the embedded default).</summary>
    Local = 0,

    /// <summary>Azure AI Language CLU (<c>Chat:Clu:*</c>), the local model answering while it fails.</summary>
    Clu = 1,
}
