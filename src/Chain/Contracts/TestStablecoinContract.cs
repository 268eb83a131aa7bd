using System.Numerics;
using Commerce.Chain.Contracts.Artifacts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>Typed access to a deployed TestStablecoin (contracts/src/TestStablecoin.sol): ERC-20, 6 decimals, owner-mintable.</summary>
public sealed class TestStablecoinContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "TestStablecoin", TestStablecoinAbi.Errors)
{
    public const int Decimals = 6;

    /// <summary>Base units in one whole token (10^6).</summary>
    public static readonly BigInteger OneToken = 1_000_000;

    public static async Task<TestStablecoinContract> DeployAsync(IContractSender sender, EthClient eth, EthAddress owner, CancellationToken ct = default)
    {
        var address = await DeployAsync(sender, "TestStablecoin", ContractBytecode.TestStablecoin, TestStablecoinAbi.ConstructorInputs,
            [owner], TestStablecoinAbi.Errors, ct).ConfigureAwait(false);
        return new TestStablecoinContract(eth, address);
    }

    /// <summary>Mints <paramref name="amount"/> base units to <paramref name="to"/> (owner only).</summary>
    public Task<RpcReceipt> MintAsync(IContractSender sender, EthAddress to, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(sender, TestStablecoinAbi.Mint, 0, [to, amount], ct);

    public Task<RpcReceipt> TransferAsync(IContractSender sender, EthAddress to, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(sender, TestStablecoinAbi.Transfer, 0, [to, amount], ct);

    public Task<RpcReceipt> ApproveAsync(IContractSender sender, EthAddress spender, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(sender, TestStablecoinAbi.Approve, 0, [spender, amount], ct);

    public Task<RpcReceipt> TransferOwnershipAsync(IContractSender sender, EthAddress newOwner, CancellationToken ct = default) =>
        SendAsync(sender, TestStablecoinAbi.TransferOwnership, 0, [newOwner], ct);

    public Task<BigInteger> BalanceOfAsync(EthAddress account, CancellationToken ct = default) => CallSingleAsync<BigInteger>(TestStablecoinAbi.BalanceOf, [account], ct);

    public Task<BigInteger> AllowanceAsync(EthAddress owner, EthAddress spender, CancellationToken ct = default) =>
        CallSingleAsync<BigInteger>(TestStablecoinAbi.Allowance, [owner, spender], ct);

    public Task<BigInteger> TotalSupplyAsync(CancellationToken ct = default) => CallSingleAsync<BigInteger>(TestStablecoinAbi.TotalSupply, [], ct);

    public async Task<int> DecimalsAsync(CancellationToken ct = default) => (int)await CallSingleAsync<BigInteger>(TestStablecoinAbi.Decimals, [], ct).ConfigureAwait(false);

    public Task<string> SymbolAsync(CancellationToken ct = default) => CallSingleAsync<string>(TestStablecoinAbi.Symbol, [], ct);

    public Task<EthAddress> OwnerAsync(CancellationToken ct = default) => CallSingleAsync<EthAddress>(TestStablecoinAbi.Owner, [], ct);

    /// <summary>This token's Transfer logs among <paramref name="logs"/>, in order.</summary>
    public IReadOnlyList<TokenTransferred> DecodeTransfers(IEnumerable<RpcLog> logs) =>
        OwnLogs(logs)
            .Where(l => string.Equals(l.Topics[0], TestStablecoinAbi.TransferEvent.Topic0Hex, StringComparison.OrdinalIgnoreCase))
            .Select(l =>
            {
                var e = TestStablecoinAbi.TransferEvent.Decode(l.Topics, HexString.Encode(l.Data));
                return new TokenTransferred((EthAddress)e["from"]!, (EthAddress)e["to"]!, (BigInteger)e["value"]!) { Log = l };
            })
            .ToArray();
}
