namespace Commerce.Chain.Rlp;

/// <summary>Input that is not canonical RLP, or an RLP item of the wrong shape for a field.</summary>
public sealed class RlpException(string message) : FormatException(message);
