using System.Collections.Concurrent;
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
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;

namespace Commerce.Host.Onchain;

/// <summary>
/// The items a wallet owns (<c>GET /api/me/nfts</c>). With a node: every token a Transfer log of one of our collections
/// sent to the wallet since <see cref="ChainSettings.StartBlock"/>, kept only if ownerOf still says the wallet; the order
/// is the player's order of that item, if any. Without a node: the items of the player's completed orders.
/// The logs are read in ranges of at most <see cref="ChainSettings.NftScanBlocksPerCall"/> blocks, and each wallet's
/// scan remembers how far it got: the next request reads only the blocks since, plus the last
/// <see cref="ChainSettings.NftScanReorgBlocks"/> again (a transfer in a block that replaced a scanned one). The tokens
/// found only grow; ownerOf at the latest block decides which the wallet still holds.
/// </summary>
public sealed class NftOwnership(ChainSettings chain, IGrainStore store)
{
    /// <summary>Wallets whose scans are remembered; past it the memory starts over (each wallet then scans again once).</summary>
    private const int RememberedWallets = 10_000;

    private readonly ConcurrentDictionary<EthAddress, WalletScan> _scans = new();

    /// <summary>eth_getLogs calls made so far (each covers at most one range of blocks of one collection).</summary>
    public long LogQueries => Interlocked.Read(ref _logQueries);

    private long _logQueries;

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

        var received = await ReceivedAsync(node, wallet, ct).ConfigureAwait(false);
        var owned = new List<OwnedNft>();
        foreach (var (name, tokenIds) in received)
        {
            var contract = chain.Collections[name];
            var collection = new GameItemContract(node, contract);
            foreach (var tokenId in tokenIds)
            {
                if (await OwnerOfAsync(collection, tokenId, ct).ConfigureAwait(false) != wallet)
                    continue; // passed on since, or its mint left the chain
                var itemId = $"{name}:{tokenId.ToString(CultureInfo.InvariantCulture)}";
                owned.Add(new OwnedNft(itemId, name, contract.ToString(), tokenId.ToString(CultureInfo.InvariantCulture),
                    orders.FirstOrDefault(o => o.ItemId == itemId)?.OrderId));
            }
        }
        return owned;
    }

    /// <summary>The token's owner; null when the token does not exist (ownerOf reverts: its mint was in a block that left the chain).</summary>
    private static async Task<EthAddress?> OwnerOfAsync(GameItemContract collection, BigInteger tokenId, CancellationToken ct)
    {
        try
        {
            return await collection.OwnerOfAsync(tokenId, ct).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (e.RevertData is not null)
        {
            return null;
        }
    }

    /// <summary>Every token of each collection ever sent to <paramref name="wallet"/>, by collection name, in name and token order.</summary>
    private async Task<IReadOnlyList<(string Name, BigInteger[] TokenIds)>> ReceivedAsync(EthClient node, EthAddress wallet, CancellationToken ct)
    {
        if (_scans.Count > RememberedWallets)
            _scans.Clear();
        var scan = _scans.GetOrAdd(wallet, _ => new WalletScan(chain.StartBlock));
        await scan.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var latest = await node.GetBlockNumberAsync(ct).ConfigureAwait(false);
            var from = Math.Max(chain.StartBlock, scan.NextBlock > chain.NftScanReorgBlocks ? scan.NextBlock - chain.NftScanReorgBlocks : 0);
            var walletTopic = new byte[32];
            wallet.Bytes.CopyTo(walletTopic.AsSpan(12));
            for (var start = from; start <= latest; start += chain.NftScanBlocksPerCall)
            {
                var end = Math.Min(latest, start + chain.NftScanBlocksPerCall - 1);
                foreach (var (name, contract) in chain.Collections)
                {
                    var logs = await node.GetLogsAsync(new LogFilter
                    {
                        FromBlock = start,
                        ToBlock = end,
                        Addresses = [contract],
                        Topics = [[TypedEvent<GameItemEvents.Transfer>.Topic0], null, [walletTopic]],
                    }, ct).ConfigureAwait(false);
                    Interlocked.Increment(ref _logQueries);
                    foreach (var log in logs.Where(l => !l.Removed && l.Topics.Count == 4))
                        scan.Add(name, new BigInteger(HexString.DecodeFixed(log.Topics[3], 32, "topics[3]"), isUnsigned: true, isBigEndian: true));
                }
                scan.NextBlock = end + 1;
            }
            return scan.Snapshot();
        }
        finally
        {
            scan.Gate.Release();
        }
    }

    private async Task<IReadOnlyList<OrderSummary>> CompletedOrdersAsync(string playerId, CancellationToken ct)
    {
        var stored = await store.LoadStateAsync(PlayerSessionGrain.TypeName, playerId, ct).ConfigureAwait(false);
        if (stored is null || JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.PlayerSessionState) is not { } session)
            return [];
        return session.Orders.Where(o => o.Status == OrderStatus.Completed).ToArray();
    }

    /// <summary>How far one wallet's logs were read, and the tokens they sent it; one request at a time moves it.</summary>
    private sealed class WalletScan(ulong startBlock)
    {
        private readonly SortedDictionary<string, SortedSet<BigInteger>> _received = new(StringComparer.Ordinal);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ulong NextBlock { get; set; } = startBlock;

        public void Add(string collection, BigInteger tokenId)
        {
            if (!_received.TryGetValue(collection, out var tokens))
                _received[collection] = tokens = [];
            tokens.Add(tokenId);
        }

        public IReadOnlyList<(string Name, BigInteger[] TokenIds)> Snapshot() =>
            [.. _received.Select(r => (r.Key, r.Value.ToArray()))];
    }
}
