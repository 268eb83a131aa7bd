using System.Globalization;
using Commerce.Connectors.Ingestion;
using Commerce.Events.Market;
using Commerce.Events.Topics;

namespace Commerce.Connectors.MarketplaceMonitoring.Mapping;

/// <summary>
/// Market records on commerce.market-events, keyed by the platform collection. A sale or an offer gets its id from the
/// marketplace's order hash, whichever way it came (the REST events or the stream), so the two never publish it twice.
/// </summary>
public static class MarketRecords
{
    public const string Source = "marketplace";

    public static IngestRecord Sale(string marketplace, string collection, string tokenId, string orderHash, decimal price, string currency, DateTimeOffset at) =>
        new(StableEventId.Of(Source, marketplace, "sale", orderHash), TopicCatalog.MarketEvents, collection,
            new SaleRecorded(collection, $"{collection}:{tokenId}", price, currency, marketplace), at, $"{marketplace}/{orderHash}");

    public static IngestRecord Offer(string marketplace, string collection, string tokenId, string orderHash, decimal amount, string currency, DateTimeOffset at) =>
        new(StableEventId.Of(Source, marketplace, "offer", orderHash), TopicCatalog.MarketEvents, collection,
            new BidPlaced(collection, $"{collection}:{tokenId}", amount, currency, marketplace), at, $"{marketplace}/{orderHash}");

    /// <summary>
    /// A token's supply as counted from the collection's mints and burns: <c>Total</c> = minted, <c>Remaining</c> = not
    /// burned (minted - burned). Its id comes from the counts, so the same counts read again publish nothing.
    /// </summary>
    public static IngestRecord Supply(string marketplace, string slug, string collection, string tokenId, long minted, long burned, DateTimeOffset at) =>
        new(StableEventId.Of(Source, marketplace, "supply", slug, tokenId, minted.ToString(CultureInfo.InvariantCulture), burned.ToString(CultureInfo.InvariantCulture)),
            TopicCatalog.MarketEvents, collection,
            new ItemSupplyChanged(collection, $"{collection}:{tokenId}", (int)Math.Clamp(minted - burned, 0, int.MaxValue), (int)Math.Clamp(minted, 0, int.MaxValue)),
            at, $"{marketplace}/{slug}/supply/{tokenId}");

    /// <param name="change">The collection's floor changes counted so far, this one included (from the stored position).</param>
    public static IngestRecord Floor(string marketplace, string slug, string collection, long change, decimal price, string currency, DateTimeOffset at) =>
        new(StableEventId.Of(Source, marketplace, "floor", slug, change.ToString(CultureInfo.InvariantCulture)), TopicCatalog.MarketEvents, collection,
            new FloorPriceChanged(collection, price, currency, marketplace), at, $"{marketplace}/{slug}/floor/{change}");
}
