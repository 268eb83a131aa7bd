using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Host.Api;

namespace Commerce.Host.Onchain;

/// <summary>
/// The items a wallet owns (<c>GET /api/me/nfts</c>). With a node: every token a Transfer log of one of our collections
/// sent to the wallet since <see cref="ChainSettings.StartBlock"/>, kept only if ownerOf still says the wallet; the order
/// is the player's order of that item, if any. Without a node: the items of the player's completed orders.
/// </summary>
public sealed class NftOwnership(ChainSettings chain, IGrainStore store)
{
    public async Task<IReadOnlyList<OwnedNft>> ListAsync(string playerId, CancellationToken ct)
    {
        var orders = await CompletedOrdersAsync(playerId, ct).ConfigureAwait(false);
        if (chain.Node is not { } node || !EthAddress.TryParse(playerId, out var wallet))
        {
            return orders.Select(o => (Order: o, Colon: o.ItemId.LastIndexOf(':')))
                .Where(o => o.Colon > 0)
                .Select(o => new OwnedNft(o.Order.ItemId, o.Order.ItemId[..o.Colon],
                    chain.Collections.TryGetValue(o.Order.ItemId[..o.Colon], out var c) ? c.ToString() : EthAddress.Zero.ToString(),
                    o.Order.ItemId[(o.Colon + 1)..], o.Order.OrderId))
                .ToArray();
        }

        var owned = new List<OwnedNft>();
        var walletTopic = new byte[32];
        wallet.Bytes.CopyTo(walletTopic.AsSpan(12));
        foreach (var (name, contract) in chain.Collections.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var logs = await node.GetLogsAsync(new LogFilter
            {
                FromBlock = chain.StartBlock,
                ToBlock = BlockTag.Latest,
                Addresses = [contract],
                Topics = [[GameItemAbi.Transfer.Topic0], null, [walletTopic]],
            }, ct).ConfigureAwait(false);
            var collection = new GameItemContract(node, contract);
            var tokenIds = logs.Where(l => !l.Removed && l.Topics.Count == 4)
                .Select(l => new BigInteger(HexString.DecodeFixed(l.Topics[3], 32, "topics[3]"), isUnsigned: true, isBigEndian: true))
                .Distinct()
                .Order();
            foreach (var tokenId in tokenIds)
            {
                if (await collection.OwnerOfAsync(tokenId, ct).ConfigureAwait(false) != wallet)
                    continue; // passed on since
                var itemId = $"{name}:{tokenId.ToString(CultureInfo.InvariantCulture)}";
                owned.Add(new OwnedNft(itemId, name, contract.ToString(), tokenId.ToString(CultureInfo.InvariantCulture),
                    orders.FirstOrDefault(o => o.ItemId == itemId)?.OrderId));
            }
        }
        return owned;
    }

    private async Task<IReadOnlyList<OrderSummary>> CompletedOrdersAsync(string playerId, CancellationToken ct)
    {
        var stored = await store.LoadStateAsync(PlayerSessionGrain.TypeName, playerId, ct).ConfigureAwait(false);
        if (stored is null || JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.PlayerSessionState) is not { } session)
            return [];
        return session.Orders.Where(o => o.Status == OrderStatus.Completed).ToArray();
    }
}
