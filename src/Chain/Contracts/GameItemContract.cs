using System.Numerics;
using Commerce.Chain.Contracts.Artifacts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>Typed access to a deployed GameItem collection (contracts/src/GameItem.sol).</summary>
public sealed class GameItemContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "GameItem", GameItemAbi.Errors)
{
    /// <summary>Deploys a collection; <paramref name="admin"/> gets DEFAULT_ADMIN_ROLE (and grants MINTER_ROLE).</summary>
    public static async Task<GameItemContract> DeployAsync(
        IContractSender sender, EthClient eth, string name, string symbol, string baseUri, EthAddress admin, CancellationToken ct = default)
    {
        var address = await DeployAsync(sender, "GameItem", ContractBytecode.GameItem, GameItemAbi.ConstructorInputs,
            [name, symbol, baseUri, admin], GameItemAbi.Errors, ct).ConfigureAwait(false);
        return new GameItemContract(eth, address);
    }

    /// <summary>Mints <paramref name="tokenId"/> to <paramref name="to"/> (MINTER_ROLE); an empty <paramref name="uri"/> means baseURI + id.</summary>
    public Task<RpcReceipt> MintAsync(IContractSender sender, EthAddress to, BigInteger tokenId, string uri = "", CancellationToken ct = default) =>
        SendAsync(sender, GameItemAbi.Mint, 0, [to, tokenId, uri], ct);

    /// <summary>Mints one item per recipient, all or nothing (MINTER_ROLE). <paramref name="uris"/>: null/empty for the base URI, else one per item.</summary>
    public Task<RpcReceipt> MintBatchAsync(
        IContractSender sender, IReadOnlyList<EthAddress> recipients, IReadOnlyList<BigInteger> tokenIds, IReadOnlyList<string>? uris = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(tokenIds);
        return SendAsync(sender, GameItemAbi.MintBatch, 0, [recipients.Cast<object?>().ToArray(), tokenIds.Cast<object?>().ToArray(), (uris ?? []).Cast<object?>().ToArray()], ct);
    }

    /// <summary>safeTransferFrom: a contract recipient must accept ERC-721 tokens.</summary>
    public Task<RpcReceipt> SafeTransferFromAsync(IContractSender sender, EthAddress from, EthAddress to, BigInteger tokenId, byte[]? data = null, CancellationToken ct = default) =>
        data is null
            ? SendAsync(sender, GameItemAbi.SafeTransferFrom, 0, [from, to, tokenId], ct)
            : SendAsync(sender, GameItemAbi.SafeTransferFromWithData, 0, [from, to, tokenId, data], ct);

    public Task<RpcReceipt> ApproveAsync(IContractSender sender, EthAddress to, BigInteger tokenId, CancellationToken ct = default) =>
        SendAsync(sender, GameItemAbi.Approve, 0, [to, tokenId], ct);

    public Task<RpcReceipt> SetApprovalForAllAsync(IContractSender sender, EthAddress operatorAddress, bool approved, CancellationToken ct = default) =>
        SendAsync(sender, GameItemAbi.SetApprovalForAll, 0, [operatorAddress, approved], ct);

    public Task<RpcReceipt> SetBaseUriAsync(IContractSender sender, string baseUri, CancellationToken ct = default) =>
        SendAsync(sender, GameItemAbi.SetBaseUri, 0, [baseUri], ct);

    public Task<RpcReceipt> GrantRoleAsync(IContractSender sender, byte[] role, EthAddress account, CancellationToken ct = default) =>
        SendAsync(sender, CommonAbi.GrantRole, 0, [role, account], ct);

    public Task<RpcReceipt> RevokeRoleAsync(IContractSender sender, byte[] role, EthAddress account, CancellationToken ct = default) =>
        SendAsync(sender, CommonAbi.RevokeRole, 0, [role, account], ct);

    public Task<EthAddress> OwnerOfAsync(BigInteger tokenId, CancellationToken ct = default) => CallSingleAsync<EthAddress>(GameItemAbi.OwnerOf, [tokenId], ct);

    public Task<BigInteger> BalanceOfAsync(EthAddress owner, CancellationToken ct = default) => CallSingleAsync<BigInteger>(GameItemAbi.BalanceOf, [owner], ct);

    public Task<string> TokenUriAsync(BigInteger tokenId, CancellationToken ct = default) => CallSingleAsync<string>(GameItemAbi.TokenUri, [tokenId], ct);

    public Task<bool> ExistsAsync(BigInteger tokenId, CancellationToken ct = default) => CallSingleAsync<bool>(GameItemAbi.Exists, [tokenId], ct);

    public Task<string> NameAsync(CancellationToken ct = default) => CallSingleAsync<string>(GameItemAbi.Name, [], ct);

    public Task<string> SymbolAsync(CancellationToken ct = default) => CallSingleAsync<string>(GameItemAbi.Symbol, [], ct);

    public Task<bool> HasRoleAsync(byte[] role, EthAddress account, CancellationToken ct = default) =>
        CallSingleAsync<bool>(CommonAbi.HasRole, [role, account], ct);

    public Task<bool> SupportsInterfaceAsync(byte[] interfaceId, CancellationToken ct = default) =>
        CallSingleAsync<bool>(CommonAbi.SupportsInterface, [interfaceId], ct);

    /// <summary>This collection's Transfer logs among <paramref name="logs"/>, in order.</summary>
    public IReadOnlyList<ItemTransferred> DecodeTransfers(IEnumerable<RpcLog> logs) =>
        OwnLogs(logs)
            .Where(l => string.Equals(l.Topics[0], GameItemAbi.Transfer.Topic0Hex, StringComparison.OrdinalIgnoreCase))
            .Select(l =>
            {
                var e = GameItemAbi.Transfer.Decode(l.Topics, HexString.Encode(l.Data));
                return new ItemTransferred((EthAddress)e["from"]!, (EthAddress)e["to"]!, (BigInteger)e["tokenId"]!) { Log = l };
            })
            .ToArray();
}
