using Commerce.Chain.Hex;

namespace Commerce.Chain.Abi;

/// <summary>Nethereum spells selectors and topics as hex with or without "0x"; these are their bytes.</summary>
internal static class Selectors
{
    public static byte[] FromSha3Signature(string sha3Signature, int length) =>
        HexString.DecodeFixed(sha3Signature.StartsWith("0x", StringComparison.Ordinal) ? sha3Signature : "0x" + sha3Signature, length, "signature");
}
