using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using static Commerce.Chain.Contracts.Messages.TestStablecoinFunctions;

namespace Commerce.Chain.Contracts;

/// <summary>Typed access to a deployed TestStablecoin (contracts/src/TestStablecoin.sol): ERC-20, 6 decimals, owner-mintable.</summary>
public sealed class TestStablecoinContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "TestStablecoin", TestStablecoinErrors.All)
{
    public const int Decimals = 6;

    /// <summary>Base units in one whole token (10^6).</summary>
    public static readonly BigInteger OneToken = 1_000_000;

    public static async Task<TestStablecoinContract> DeployAsync(IContractSender sender, EthClient eth, EthAddress owner, CancellationToken ct = default)
    {
        var address = await DeployAsync(sender, "TestStablecoin", new TestStablecoinConstructor { Owner = owner.ToString() }, TestStablecoinErrors.All, ct)
            .ConfigureAwait(false);
        return new TestStablecoinContract(eth, address);
    }

    /// <summary>Mints <paramref name="amount"/> base units to <paramref name="to"/> (owner only).</summary>
    public Task<RpcReceipt> MintAsync(IContractSender sender, EthAddress to, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(sender, new Mint { To = to.ToString(), Amount = amount }, ct);

    public Task<RpcReceipt> TransferAsync(IContractSender sender, EthAddress to, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(sender, new Transfer { To = to.ToString(), Value = amount }, ct);

    public Task<RpcReceipt> ApproveAsync(IContractSender sender, EthAddress spender, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(sender, new Approve { Spender = spender.ToString(), Value = amount }, ct);

    public Task<RpcReceipt> TransferOwnershipAsync(IContractSender sender, EthAddress newOwner, CancellationToken ct = default) =>
        SendAsync(sender, new TransferOwnership { NewOwner = newOwner.ToString() }, ct);

    public Task<BigInteger> BalanceOfAsync(EthAddress account, CancellationToken ct = default) =>
        QueryAsync<BalanceOf, BigInteger>(new() { Account = account.ToString() }, ct);

    public Task<BigInteger> AllowanceAsync(EthAddress owner, EthAddress spender, CancellationToken ct = default) =>
        QueryAsync<Allowance, BigInteger>(new() { Owner = owner.ToString(), Spender = spender.ToString() }, ct);

    public Task<BigInteger> TotalSupplyAsync(CancellationToken ct = default) => QueryAsync<TotalSupply, BigInteger>(new(), ct);

    public async Task<int> DecimalsAsync(CancellationToken ct = default) =>
        (int)await QueryAsync<TestStablecoinFunctions.Decimals, BigInteger>(new(), ct).ConfigureAwait(false);

    public Task<string> SymbolAsync(CancellationToken ct = default) => QueryAsync<Symbol, string>(new(), ct);

    public Task<EthAddress> OwnerAsync(CancellationToken ct = default) => QueryAddressAsync(new Owner(), ct);

    /// <summary>This token's Transfer logs among <paramref name="logs"/>, in order.</summary>
    public IReadOnlyList<TokenTransferred> DecodeTransfers(IEnumerable<RpcLog> logs) =>
        OwnLogs(logs)
            .Where(l => TypedEvent<TestStablecoinEvents.Transfer>.Matches(l.Topics))
            .Select(l =>
            {
                var e = TypedEvent<TestStablecoinEvents.Transfer>.Decode(l.Topics, l.Data);
                return new TokenTransferred(EthAddress.Parse(e.From), EthAddress.Parse(e.To), e.Value) { Log = l };
            })
            .ToArray();
}
