using System.Numerics;
using System.Text.Json;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Testing.Anvil;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>
/// A dedicated Anvil node for the contract tests, fresh funded accounts, fresh deployments and
/// control of the node's clock (evm_increaseTime + evm_mine: deadlines pass without waiting).
/// </summary>
public sealed class ContractsEnvironment : IAsyncLifetime
{
    /// <summary>The installment interval the test Checkouts are deployed with.</summary>
    public const ulong Interval = 7 * 24 * 3600;

    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    private readonly AnvilFixture _anvil = new();
    private long _nextTokenId = 1_000;

    public EthClient Eth => _anvil.Eth;

    public AnvilClient Anvil => _anvil.Anvil;

    public ulong ChainId => AnvilFixture.ChainId;

    public Task InitializeAsync() => _anvil.InitializeAsync();

    public Task DisposeAsync() => _anvil.DisposeAsync();

    /// <summary>A token id no other test uses.</summary>
    public BigInteger NewTokenId() => Interlocked.Increment(ref _nextTokenId);

    /// <summary>A new account holding <paramref name="ether"/> ETH (100 by default).</summary>
    public async Task<Actor> NewActorAsync(int ether = 100)
    {
        var key = EthPrivateKey.Generate();
        await Anvil.SetBalanceAsync(key.Address, Ether * ether);
        return new Actor(key, new SigningContractSender(Eth, key, ChainId) { ReceiptPollInterval = TimeSpan.FromMilliseconds(10) });
    }

    /// <summary>Fresh GameItem, TestStablecoin and Checkout; the Checkout holds MINTER_ROLE; operator and treasurer roles granted.</summary>
    public async Task<Deployment> DeployAsync()
    {
        var admin = await NewActorAsync();
        var operatorActor = await NewActorAsync();
        var treasurer = await NewActorAsync();
        var quoteSigner = EthPrivateKey.Generate();
        var items = await GameItemContract.DeployAsync(admin.Sender, Eth, "Commerce Items", "CITEM", "https://items.example/meta/", admin.Address);
        var coin = await TestStablecoinContract.DeployAsync(admin.Sender, Eth, admin.Address);
        var checkout = await CheckoutContract.DeployAsync(admin.Sender, Eth, admin.Address, quoteSigner.Address, Interval);
        await items.GrantRoleAsync(admin.Sender, ContractRoles.Minter, checkout.Address);
        await checkout.GrantRoleAsync(admin.Sender, ContractRoles.Operator, operatorActor.Address);
        await checkout.GrantRoleAsync(admin.Sender, ContractRoles.Treasurer, treasurer.Address);
        return new Deployment(this, items, coin, checkout, admin, operatorActor, treasurer, quoteSigner);
    }

    public async Task<ulong> LatestTimestampAsync() => (await Eth.GetBlockByNumberAsync(BlockTag.Latest))!.Timestamp;

    /// <summary>Moves the node's clock forward by <paramref name="seconds"/> and mines a block with the new time.</summary>
    public async Task IncreaseTimeAsync(ulong seconds)
    {
        await Eth.Rpc.SendAsync(new RpcCall<JsonElement>("evm_increaseTime", [seconds], e => e.Clone()));
        await Anvil.MineAsync();
    }

    /// <summary>Moves the clock so the latest block is at <paramref name="timestamp"/> or just after it.</summary>
    public async Task AdvanceToAsync(ulong timestamp)
    {
        var now = await LatestTimestampAsync();
        if (timestamp > now)
            await IncreaseTimeAsync(timestamp - now);
    }

    /// <summary>The ETH a transaction cost its sender in gas.</summary>
    public static BigInteger GasCost(RpcReceipt receipt) => receipt.GasUsed * receipt.EffectiveGasPrice;
}
