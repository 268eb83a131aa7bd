using Commerce.Chain.Hex;

namespace Commerce.Chain.Abi;

/// <summary>
/// What a log holds for an indexed string, bytes, array or struct: only the Keccak-256 hash of
/// the value, never the value itself. Compare it with <see cref="AbiEvent.EncodeTopic"/> of a candidate.
/// </summary>
public sealed record IndexedValueHash(byte[] Hash)
{
    public override string ToString() => HexString.Encode(Hash);
}
