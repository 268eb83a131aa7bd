namespace Commerce.Execution.Executor.Tracking;

/// <summary>What to do about the nonces the node's pool is missing.</summary>
internal enum GapAction
{
    /// <summary>Send their stored bytes again.</summary>
    Resend,

    /// <summary>The first was re-sent before and blocks were mined since, yet the node still lacks it: it takes these bytes and drops them. Fill it with a no-op, re-send the rest.</summary>
    FillFirstWithNoOp,
}
