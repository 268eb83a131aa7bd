namespace Commerce.Execution.Executor.Tracking;

/// <summary>How much the tracker asks of the node at once.</summary>
internal static class RpcLimits
{
    /// <summary>Calls per JSON-RPC batch (sends and receipt reads).</summary>
    public const int BatchSize = 500;

    /// <summary>Blocks read per chain observation; a tracker further behind catches up over several passes.</summary>
    public const int BlocksPerPass = 64;
}
