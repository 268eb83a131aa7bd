namespace Commerce.Chain.Abi;

public enum RevertKind
{
    /// <summary>Reverted without data (revert() or require(cond) without a message).</summary>
    Empty,
    /// <summary>Error(string): require(cond, "message") or revert("message").</summary>
    Error,
    /// <summary>Panic(uint256): assert failures, overflow, division by zero, bad array index...</summary>
    Panic,
    /// <summary>A custom error whose ABI was supplied.</summary>
    Custom,
    /// <summary>Data that matches none of the above.</summary>
    Unknown,
}
