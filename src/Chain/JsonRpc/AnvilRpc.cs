using System.Numerics;
using System.Text.Json;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.JsonRpc;

/// <summary>Anvil's test-node methods (also understood by Hardhat for the evm_ ones).</summary>
public static class AnvilRpc
{
    /// <summary>evm_mine: mines one block now.</summary>
    public static RpcCall<string> Mine() => new("evm_mine", [], e => e.ToString());

    /// <summary>anvil_setBalance: sets an account's balance (wei).</summary>
    public static RpcCall<bool> SetBalance(EthAddress address, BigInteger wei) =>
        new("anvil_setBalance", [address.ToLowerHex(), HexString.EncodeQuantity(wei)], _ => true);

    /// <summary>anvil_setCode: replaces the code at an address.</summary>
    public static RpcCall<bool> SetCode(EthAddress address, ReadOnlySpan<byte> code) =>
        new("anvil_setCode", [address.ToLowerHex(), HexString.Encode(code)], _ => true);

    /// <summary>evm_snapshot: saves the chain state; returns the snapshot id for <see cref="Revert"/>.</summary>
    public static RpcCall<string> Snapshot() => new("evm_snapshot", [], e => e.GetString() ?? throw new JsonException("null snapshot id"));

    /// <summary>evm_revert: restores a snapshot (which is then used up); true when it existed.</summary>
    public static RpcCall<bool> Revert(string snapshotId) => new("evm_revert", [snapshotId], e => e.GetBoolean());

    /// <summary>anvil_setIntervalMining: mine a block every <paramref name="seconds"/> (0 switches interval mining off).</summary>
    public static RpcCall<bool> SetIntervalMining(ulong seconds) => new("anvil_setIntervalMining", [seconds], _ => true);

    /// <summary>evm_setAutomine: mine each transaction as it arrives (on), or only on evm_mine / intervals (off).</summary>
    public static RpcCall<bool> SetAutomine(bool enabled) => new("evm_setAutomine", [enabled], _ => true);

    /// <summary>anvil_getAutomine: whether automine is on.</summary>
    public static RpcCall<bool> GetAutomine() => new("anvil_getAutomine", [], e => e.GetBoolean());
}
