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

    /// <param name="change">The collection's floor changes counted so far, this one included (from the stored position).</param>
    public static IngestRecord Floor(string marketplace, string slug, string collection, long change, decimal price, string currency, DateTimeOffset at) =>
        new(StableEventId.Of(Source, marketplace, "floor", slug, change.ToString(CultureInfo.InvariantCulture)), TopicCatalog.MarketEvents, collection,
            new FloorPriceChanged(collection, price, currency, marketplace), at, $"{marketplace}/{slug}/floor/{change}");
}
