using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using static Commerce.Chain.Contracts.Messages.GameItemFunctions;

namespace Commerce.Chain.Contracts;

/// <summary>Typed access to a deployed GameItem collection (contracts/src/GameItem.sol).</summary>
public sealed class GameItemContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "GameItem", GameItemErrors.All)
{
    /// <summary>Deploys a collection; <paramref name="admin"/> gets DEFAULT_ADMIN_ROLE (and grants MINTER_ROLE).</summary>
    public static async Task<GameItemContract> DeployAsync(
        IContractSender sender, EthClient eth, string name, string symbol, string baseUri, EthAddress admin, CancellationToken ct = default)
    {
        var constructor = new GameItemConstructor { Name = name, Symbol = symbol, BaseUri = baseUri, Admin = admin.ToString() };
        var address = await DeployAsync(sender, "GameItem", constructor, GameItemErrors.All, ct).ConfigureAwait(false);
        return new GameItemContract(eth, address);
    }

    /// <summary>Mints <paramref name="tokenId"/> to <paramref name="to"/> (MINTER_ROLE); an empty <paramref name="uri"/> means baseURI + id.</summary>
    public Task<RpcReceipt> MintAsync(IContractSender sender, EthAddress to, BigInteger tokenId, string uri = "", CancellationToken ct = default) =>
        SendAsync(sender, new Mint { To = to.ToString(), TokenId = tokenId, Uri = uri }, ct);

    /// <summary>Mints one item per recipient, all or nothing (MINTER_ROLE). <paramref name="uris"/>: null/empty for the base URI, else one per item.</summary>
    public Task<RpcReceipt> MintBatchAsync(
        IContractSender sender, IReadOnlyList<EthAddress> recipients, IReadOnlyList<BigInteger> tokenIds, IReadOnlyList<string>? uris = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(tokenIds);
        return SendAsync(sender, new MintBatch { Recipients = [.. recipients.Select(r => r.ToString())], TokenIds = [.. tokenIds], Uris = [.. uris ?? []] }, ct);
    }

    /// <summary>safeTransferFrom: a contract recipient must accept ERC-721 tokens.</summary>
    public Task<RpcReceipt> SafeTransferFromAsync(IContractSender sender, EthAddress from, EthAddress to, BigInteger tokenId, byte[]? data = null, CancellationToken ct = default) =>
        data is null
            ? SendAsync(sender, new SafeTransferFrom { From = from.ToString(), To = to.ToString(), TokenId = tokenId }, ct)
            : SendAsync(sender, new SafeTransferFromWithData { From = from.ToString(), To = to.ToString(), TokenId = tokenId, Data = data }, ct);

    public Task<RpcReceipt> ApproveAsync(IContractSender sender, EthAddress to, BigInteger tokenId, CancellationToken ct = default) =>
        SendAsync(sender, new Approve { To = to.ToString(), TokenId = tokenId }, ct);

    public Task<RpcReceipt> SetApprovalForAllAsync(IContractSender sender, EthAddress operatorAddress, bool approved, CancellationToken ct = default) =>
        SendAsync(sender, new SetApprovalForAll { Operator = operatorAddress.ToString(), Approved = approved }, ct);

    public Task<RpcReceipt> SetBaseUriAsync(IContractSender sender, string baseUri, CancellationToken ct = default) =>
        SendAsync(sender, new SetBaseUri { BaseURI = baseUri }, ct);

    public Task<RpcReceipt> GrantRoleAsync(IContractSender sender, byte[] role, EthAddress account, CancellationToken ct = default) =>
        SendAsync(sender, new AccessControlFunctions.GrantRole { Role = role, Account = account.ToString() }, ct);

    public Task<RpcReceipt> RevokeRoleAsync(IContractSender sender, byte[] role, EthAddress account, CancellationToken ct = default) =>
        SendAsync(sender, new AccessControlFunctions.RevokeRole { Role = role, Account = account.ToString() }, ct);

    public Task<EthAddress> OwnerOfAsync(BigInteger tokenId, CancellationToken ct = default) => QueryAddressAsync(new OwnerOf { TokenId = tokenId }, ct);

    public Task<BigInteger> BalanceOfAsync(EthAddress owner, CancellationToken ct = default) =>
        QueryAsync<BalanceOf, BigInteger>(new() { Owner = owner.ToString() }, ct);

    public Task<string> TokenUriAsync(BigInteger tokenId, CancellationToken ct = default) => QueryAsync<TokenUri, string>(new() { TokenId = tokenId }, ct);

    public Task<bool> ExistsAsync(BigInteger tokenId, CancellationToken ct = default) => QueryAsync<Exists, bool>(new() { TokenId = tokenId }, ct);

    public Task<string> NameAsync(CancellationToken ct = default) => QueryAsync<Name, string>(new(), ct);

    public Task<string> SymbolAsync(CancellationToken ct = default) => QueryAsync<Symbol, string>(new(), ct);

    public Task<bool> HasRoleAsync(byte[] role, EthAddress account, CancellationToken ct = default) =>
        QueryAsync<AccessControlFunctions.HasRole, bool>(new() { Role = role, Account = account.ToString() }, ct);

    public Task<bool> SupportsInterfaceAsync(byte[] interfaceId, CancellationToken ct = default) =>
        QueryAsync<AccessControlFunctions.SupportsInterface, bool>(new() { InterfaceId = interfaceId }, ct);

    /// <summary>This collection's Transfer logs among <paramref name="logs"/>, in order.</summary>
    public IReadOnlyList<ItemTransferred> DecodeTransfers(IEnumerable<RpcLog> logs) =>
        OwnLogs(logs)
            .Where(l => TypedEvent<GameItemEvents.Transfer>.Matches(l.Topics))
            .Select(l =>
            {
                var e = TypedEvent<GameItemEvents.Transfer>.Decode(l.Topics, l.Data);
                return new ItemTransferred(EthAddress.Parse(e.From), EthAddress.Parse(e.To), e.TokenId) { Log = l };
            })
            .ToArray();
}
