namespace Commerce.Execution.Executor.Tracking;

/// <summary>How the node answered one raw transaction, with its message when it did not simply take it.</summary>
internal readonly record struct SendResult(SendOutcome Outcome, string? Message);
