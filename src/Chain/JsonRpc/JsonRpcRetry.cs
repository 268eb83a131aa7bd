namespace Commerce.Chain.JsonRpc;

/// <summary>One retry about to happen: which attempt failed, why, and how long until the next one.</summary>
public sealed record JsonRpcRetry(string Method, int AttemptNumber, TimeSpan Delay, string Reason);
