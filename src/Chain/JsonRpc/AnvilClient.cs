using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.JsonRpc;

/// <summary>Anvil's test helpers over a <see cref="JsonRpcClient"/> (for tests and local runs only).</summary>
public sealed class AnvilClient(JsonRpcClient rpc)
{
    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public Task MineAsync(CancellationToken ct = default) => Rpc.SendAsync(AnvilRpc.Mine(), ct);

    public Task SetBalanceAsync(EthAddress address, BigInteger wei, CancellationToken ct = default) =>
        Rpc.SendAsync(AnvilRpc.SetBalance(address, wei), ct);

    public Task SetCodeAsync(EthAddress address, byte[] code, CancellationToken ct = default) =>
        Rpc.SendAsync(AnvilRpc.SetCode(address, code), ct);

    public Task<string> SnapshotAsync(CancellationToken ct = default) => Rpc.SendAsync(AnvilRpc.Snapshot(), ct);

    public Task<bool> RevertAsync(string snapshotId, CancellationToken ct = default) => Rpc.SendAsync(AnvilRpc.Revert(snapshotId), ct);

    public Task SetIntervalMiningAsync(ulong seconds, CancellationToken ct = default) =>
        Rpc.SendAsync(AnvilRpc.SetIntervalMining(seconds), ct);

    public Task SetAutomineAsync(bool enabled, CancellationToken ct = default) => Rpc.SendAsync(AnvilRpc.SetAutomine(enabled), ct);

    public Task<bool> GetAutomineAsync(CancellationToken ct = default) => Rpc.SendAsync(AnvilRpc.GetAutomine(), ct);
}
