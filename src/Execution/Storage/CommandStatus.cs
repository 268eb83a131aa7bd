namespace Commerce.Execution.Storage;

/// <summary>Where a command's transaction stands. Confirmed and Failed are final.</summary>
public enum CommandStatus
{
    /// <summary>Nonce assigned and signed bytes stored; not yet accepted by the node.</summary>
    Pending = 1,

    /// <summary>The node accepted the latest attempt; not mined yet.</summary>
    Submitted = 2,

    /// <summary>One of its attempts is in a block, not yet at the confirmation depth.</summary>
    Mined = 3,

    /// <summary>At the confirmation depth on a canonical block, and it succeeded.</summary>
    Confirmed = 4,

    /// <summary>Rejected, reverted, or cancelled by a no-op: no effect beyond fees.</summary>
    Failed = 5,
}
