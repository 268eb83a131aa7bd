using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Anvil;

/// <summary>Tiny hand-assembled contracts (EVM opcodes, Shanghai or later for PUSH0).</summary>
internal static class Bytecode
{
    /// <summary>Returns its call data: CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY CALLDATASIZE PUSH0 RETURN.</summary>
    public static readonly byte[] EchoRuntime = Convert.FromHexString("365f5f37365ff3");

    /// <summary>Reverts with its call data as the revert data.</summary>
    public static readonly byte[] RevertRuntime = Convert.FromHexString("365f5f37365ffd");

    /// <summary>Init code that deploys <see cref="EchoRuntime"/>: CODECOPY the 7 runtime bytes after this 10-byte prefix, RETURN them.</summary>
    public static readonly byte[] EchoInit = Convert.FromHexString("6007600a5f3960075ff3" + "365f5f37365ff3");

    /// <summary>
    /// Emits LOG3(data = calldata[64..96], topic0, topic1 = calldata[0..32], topic2 = calldata[32..64]),
    /// i.e. the log of <c>event Transfer(address indexed from, address indexed to, uint256 value)</c> when topic0 is its hash.
    /// </summary>
    public static byte[] LogEmitterRuntime(byte[] topic0) => Convert.FromHexString(
        "602060405f37" + // CALLDATACOPY(0, 0x40, 0x20)
        "602035" +       // CALLDATALOAD(0x20): topic 2
        "5f35" +         // CALLDATALOAD(0): topic 1
        "7f" + Convert.ToHexStringLower(topic0) +
        "60205f" +       // size 0x20, offset 0
        "a300");         // LOG3, STOP

    public static EthAddress AddressFor(string label) => EthAddress.FromBytes(Keccak256.HashUtf8(label).AsSpan(12));
}
