using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Threading.Channels;

namespace Commerce.Connectors.MarketplaceMonitoring.Local;

/// <summary>
/// A simulated OpenSea-shaped marketplace in memory: per collection a floor and a history of events (sales, item
/// offers, listings) in the REST v2 shape, served newest first with <c>next</c> cursors, and pushed to stream
/// subscribers in the Phoenix message shape, best effort (a share is dropped). Thread-safe.
/// </summary>
public sealed class LocalMarketplace(TimeProvider clock, double streamDropShare = 0, int seed = 7)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, decimal> _floors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LocalMarketEvent>> _events = new(StringComparer.Ordinal); // per collection, oldest first
    private readonly List<Channel<byte[]>> _subscribers = [];
    private readonly Dictionary<string, List<byte[]>> _collectionOffers = new(StringComparer.Ordinal);
    private readonly Random _random = new(seed);
    private long _orders;
    private long _dropped;

    public LocalMarketplaceFaults Faults { get; } = new();

    public long StreamDropped => Interlocked.Read(ref _dropped);

    public int EventCount
    {
        get { lock (_lock) return _events.Values.Sum(e => e.Count); }
    }

    public decimal? Floor(string slug)
    {
        lock (_lock)
            return _floors.TryGetValue(slug, out var f) ? f : null;
    }

    public void SetFloor(string slug, decimal floor)
    {
        lock (_lock)
            _floors[slug] = floor;
    }

    /// <summary>A sale of <paramref name="tokenId"/> at <paramref name="priceWei"/>; answers its order hash.</summary>
    public string Sale(string slug, string tokenId, BigInteger priceWei, bool onStream = true) => Add(slug, tokenId, priceWei, sale: true, onStream);

    /// <summary>An offer (in WETH) on <paramref name="tokenId"/>; answers its order hash.</summary>
    public string Offer(string slug, string tokenId, BigInteger amountWei, bool onStream = true) => Add(slug, tokenId, amountWei, sale: false, onStream);

    /// <summary><paramref name="quantity"/> tokens <paramref name="tokenId"/> minted (a transfer from the zero address), on the REST events.</summary>
    public string Mint(string slug, string tokenId, int quantity = 1) => Transfer(slug, tokenId, Address(0), Address(4), quantity);

    /// <summary><paramref name="quantity"/> tokens <paramref name="tokenId"/> burned (a transfer to the zero address), on the REST events.</summary>
    public string Burn(string slug, string tokenId, int quantity = 1) => Transfer(slug, tokenId, Address(4), Address(0), quantity);

    /// <summary>A transfer between two holders (no supply change), on the REST events.</summary>
    public string Move(string slug, string tokenId) => Transfer(slug, tokenId, Address(4), Address(5), 1);

    /// <summary>
    /// A collection offer (WETH, on any item): served by the offers endpoint from now on and pushed on the stream as
    /// collection_offer (best effort, like the other pushes); answers its order hash.
    /// </summary>
    public string CollectionOffer(string slug, BigInteger amountWei, bool onStream = true)
    {
        var at = clock.GetUtcNow();
        var hash = OrderHash(slug, "offer");
        var rest = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["order_hash"] = hash, ["chain"] = "ethereum", ["protocol_address"] = Address(8), ["remaining_quantity"] = 1,
            ["criteria"] = new { collection = new { slug }, contract = new { address = Contract(slug) } },
            ["price"] = new { currency = "WETH", decimals = 18, value = amountWei.ToString(CultureInfo.InvariantCulture) },
        });
        var stream = StreamMessage(slug, "collection_offer", at, new Dictionary<string, object?>
        {
            ["collection"] = new { slug }, ["order_hash"] = hash, ["base_price"] = amountWei.ToString(CultureInfo.InvariantCulture),
            ["payment_token"] = new { symbol = "WETH", decimals = 18, address = Address(9) }, ["quantity"] = 1,
            ["event_timestamp"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        });
        lock (_lock)
        {
            if (!_collectionOffers.TryGetValue(slug, out var offers))
                _collectionOffers[slug] = offers = [];
            offers.Add(rest);
            if (onStream)
                Push(stream);
        }
        return hash;
    }

    /// <summary>The collection's active collection offers, from <paramref name="offset"/>.</summary>
    public (IReadOnlyList<byte[]> Offers, int? Next) CollectionOffers(string slug, int offset, int limit)
    {
        lock (_lock)
        {
            var offers = _collectionOffers.GetValueOrDefault(slug) ?? [];
            var page = offers.Skip(offset).Take(limit).ToList();
            return (page, offset + page.Count < offers.Count ? offset + page.Count : null);
        }
    }

    /// <summary>An event as given (a malformed one, for tests), on the REST events only.</summary>
    public void AddRaw(string slug, string restJson)
    {
        lock (_lock)
            Append(new LocalMarketEvent(slug, clock.GetUtcNow().ToUnixTimeSeconds(), System.Text.Encoding.UTF8.GetBytes(restJson), null));
    }

    /// <summary>A random market move on one of <paramref name="slugs"/>: a sale, an offer or a new floor.</summary>
    public void Tick(IReadOnlyList<string> slugs, int tokens)
    {
        string slug;
        int move, token;
        long basis;
        lock (_lock)
        {
            slug = slugs[_random.Next(slugs.Count)];
            move = _random.Next(3);
            token = _random.Next(1, tokens + 1);
            basis = _random.Next(20, 200);
        }
        var wei = new BigInteger(basis) * BigInteger.Pow(10, 15); // 0.020 .. 0.200 ETH
        switch (move)
        {
            case 0: Sale(slug, token.ToString(CultureInfo.InvariantCulture), wei); break;
            case 1: Offer(slug, token.ToString(CultureInfo.InvariantCulture), wei); break;
            default: SetFloor(slug, basis / 1000m); break;
        }
    }

    /// <summary>Events of <paramref name="slug"/> after <paramref name="after"/> (unix seconds), newest first, from <paramref name="offset"/>.</summary>
    public (IReadOnlyList<byte[]> Events, int? Next) Events(string slug, long? after, int offset, int limit)
    {
        lock (_lock)
        {
            if (!_events.TryGetValue(slug, out var events))
                return ([], null);
            var first = after is null ? 0 : FirstAfter(events, after.Value); // events[first..] are after the cursor
            var newest = events.Count - 1 - offset;
            var page = new List<byte[]>(Math.Max(0, Math.Min(limit, newest - first + 1)));
            for (var i = newest; i >= first && page.Count < limit; i--)
                page.Add(events[i].RestJson);
            return (page, newest - page.Count >= first ? offset + page.Count : null);
        }
    }

    public ChannelReader<byte[]> Subscribe(CancellationToken ct)
    {
        var channel = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
            _subscribers.Add(channel);
        ct.Register(() =>
        {
            lock (_lock)
                _subscribers.Remove(channel);
        });
        return channel.Reader;
    }

    private string Add(string slug, string tokenId, BigInteger wei, bool sale, bool onStream)
    {
        var at = clock.GetUtcNow();
        var hash = OrderHash(slug, tokenId);
        var rest = JsonSerializer.SerializeToUtf8Bytes(sale
            ? (object)new Dictionary<string, object?>
            {
                ["event_type"] = "sale", ["order_hash"] = hash, ["chain"] = "ethereum", ["closing_date"] = at.ToUnixTimeSeconds(),
                ["nft"] = Nft(slug, tokenId), ["payment"] = Payment(wei, "ETH"), ["seller"] = Address(1), ["buyer"] = Address(2),
                ["quantity"] = 1, ["event_timestamp"] = at.ToUnixTimeSeconds(), ["transaction"] = hash,
            }
            : new Dictionary<string, object?>
            {
                ["event_type"] = "order", ["order_type"] = "item_offer", ["order_hash"] = hash, ["chain"] = "ethereum",
                ["asset"] = Nft(slug, tokenId), ["payment"] = Payment(wei, "WETH"), ["maker"] = Address(3), ["quantity"] = 1,
                ["event_timestamp"] = at.ToUnixTimeSeconds(), ["expiration_date"] = at.AddDays(1).ToUnixTimeSeconds(),
            });
        var inner = new Dictionary<string, object?>
        {
            ["item"] = new { nft_id = $"ethereum/{Contract(slug)}/{tokenId}", chain = new { name = "ethereum" } },
            ["collection"] = new { slug },
            ["order_hash"] = hash,
            [sale ? "sale_price" : "base_price"] = wei.ToString(CultureInfo.InvariantCulture),
            ["payment_token"] = new { symbol = sale ? "ETH" : "WETH", decimals = 18, address = Address(0) },
            ["event_timestamp"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        };
        var stream = StreamMessage(slug, sale ? "item_sold" : "item_received_offer", at, inner);
        lock (_lock)
        {
            Append(new LocalMarketEvent(slug, at.ToUnixTimeSeconds(), rest, stream));
            if (onStream)
                Push(stream);
        }
        return hash;
    }

    private string Transfer(string slug, string tokenId, string from, string to, int quantity)
    {
        var at = clock.GetUtcNow();
        var hash = OrderHash(slug, tokenId);
        var rest = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["event_type"] = "transfer", ["chain"] = "ethereum", ["transaction"] = hash, ["from_address"] = from, ["to_address"] = to,
            ["nft"] = Nft(slug, tokenId), ["quantity"] = quantity, ["event_timestamp"] = at.ToUnixTimeSeconds(),
        });
        lock (_lock)
            Append(new LocalMarketEvent(slug, at.ToUnixTimeSeconds(), rest, null));
        return hash;
    }

    private string OrderHash(string slug, string what) =>
        "0x" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{slug}/{what}/{Interlocked.Increment(ref _orders)}"))).ToLowerInvariant();

    private static byte[] StreamMessage(string slug, string type, DateTimeOffset at, Dictionary<string, object?> inner) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["topic"] = $"collection:{slug}", ["event"] = type, ["ref"] = null,
            ["payload"] = new Dictionary<string, object?> { ["event_type"] = type, ["sent_at"] = at.ToString("O", CultureInfo.InvariantCulture), ["payload"] = inner },
        });

    /// <summary>Pushes a stream message to every subscriber, dropping a share of them (best effort). Under the lock.</summary>
    private void Push(byte[] stream)
    {
        if (_random.NextDouble() < streamDropShare)
            Interlocked.Increment(ref _dropped);
        else
            foreach (var subscriber in _subscribers)
                subscriber.Writer.TryWrite(stream);
    }

    private void Append(LocalMarketEvent e)
    {
        if (!_events.TryGetValue(e.Slug, out var events))
            _events[e.Slug] = events = [];
        events.Add(e); // the clock does not go back, so each list stays in time order
    }

    /// <summary>The index of the first event later than <paramref name="after"/> (binary search over the time-ordered list).</summary>
    private static int FirstAfter(List<LocalMarketEvent> events, long after)
    {
        int low = 0, high = events.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (events[middle].Timestamp > after)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }

    private static object Nft(string slug, string tokenId) => new { identifier = tokenId, collection = slug, contract = Contract(slug), token_standard = "erc721" };

    private static object Payment(BigInteger wei, string symbol) =>
        new { quantity = wei.ToString(CultureInfo.InvariantCulture), token_address = Address(symbol == "ETH" ? 0 : 9), decimals = 18, symbol };

    private static string Contract(string slug) => "0x" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(slug)))[..40].ToLowerInvariant();

    private static string Address(int n) => "0x" + n.ToString("x40", CultureInfo.InvariantCulture);
}
