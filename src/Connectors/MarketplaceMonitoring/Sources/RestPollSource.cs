using System.Runtime.CompilerServices;
using System.Text.Json;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.MarketplaceMonitoring.Api;
using Commerce.Connectors.MarketplaceMonitoring.Configuration;
using Commerce.Connectors.MarketplaceMonitoring.Mapping;

namespace Commerce.Connectors.MarketplaceMonitoring.Sources;

/// <summary>
/// Polls the REST API for each watched collection, one request per page (the pipeline's throttle counts each):
/// the stats and the best listings (the cheapest listing is the floor, else the stats' floor; a new floor becomes
/// FloorPriceChanged), the collection offers following <c>next</c> (each BidPlaced, by its order hash: the ledger
/// drops what the stream or an earlier poll published), then the events since the stored cursor less an overlap,
/// following <c>next</c> until the pages run out (newest first, so a poll's events are published oldest first). Sales
/// and item offers become records; mints and burns (transfers from or to the zero address) move the tokens' supply,
/// counted in the events position, and each token whose supply moved becomes one ItemSupplyChanged with the cursor.
/// </summary>
public sealed class RestPollSource(IOpenSeaApi api, MarketplaceMonitoringOptions options, TimeProvider clock) : IIngestSource
{
    public string Name => "marketplace.rest";

    public async IAsyncEnumerable<IngestPage> ReadAsync(IReadOnlyDictionary<string, string> positions, [EnumeratorCancellation] CancellationToken ct)
    {
        var floors = options.Collections.Keys.ToDictionary(s => s, s => MarketPositions.ReadFloor(positions.GetValueOrDefault(MarketPositions.Floor(s))));
        var events = options.Collections.Keys.ToDictionary(s => s, s => EventsPosition.Read(positions.GetValueOrDefault(MarketPositions.Events(s))));
        while (true)
        {
            foreach (var (slug, collection) in options.Collections)
            {
                var stats = await api.GetStatsAsync(slug, ct);
                yield return IngestPage.Empty; // one request: the throttle counts it
                var listings = await api.GetBestListingsAsync(slug, null, options.ListingsPageSize, ct);
                var (floor, symbol, refusedListings) = Floor(slug, stats, listings);
                if (floor is { } price && price != floors[slug].Price)
                {
                    var changes = floors[slug].Changes + 1;
                    floors[slug] = (changes, price);
                    var record = MarketRecords.Floor(options.Marketplace, slug, collection, changes, price, symbol, clock.GetUtcNow());
                    refusedListings.Add(IngestUnit.Of(record, new(MarketPositions.Floor(slug), MarketPositions.WriteFloor(changes, price))));
                }
                yield return new IngestPage(refusedListings);

                string? next = null;
                do
                {
                    var page = await api.GetOffersAsync(slug, next, ct);
                    var units = new List<IngestUnit>();
                    foreach (var offer in page.Offers ?? [])
                    {
                        var (record, refused) = OrderBookReader.ReadOffer(offer, options.Marketplace, collection, clock.GetUtcNow());
                        units.Add(record is not null ? IngestUnit.Of(record) : IngestUnit.Refused(new RejectedInput($"{options.Marketplace}/{slug}/offers", refused!, offer.GetRawText())));
                    }
                    next = page.Next;
                    yield return new IngestPage(units);
                }
                while (!string.IsNullOrEmpty(next));

                await foreach (var page in EventsAsync(slug, collection, events[slug], ct))
                    yield return page;
            }
            await Task.Delay(options.PollInterval, clock, ct);
        }
    }

    private async IAsyncEnumerable<IngestPage> EventsAsync(string slug, string collection, EventsPosition position, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = position.Cursor is { } cursor ? Math.Max(0, cursor - (long)options.EventOverlap.TotalSeconds) : (long?)null;
        var units = new List<IngestUnit>();
        var transfers = new List<SupplyTransfer>();
        var newest = position.Cursor ?? 0;
        string? next = null;
        do
        {
            var page = await api.GetEventsAsync(slug, after, next, options.EventsPageSize, ct);
            foreach (var e in page.AssetEvents)
            {
                var (record, refused, timestamp) = RestEventReader.Read(e, options.Marketplace, collection);
                var (transfer, refusedTransfer) = TransferReader.Read(e);
                refused ??= refusedTransfer;
                if (record is not null)
                    units.Add(IngestUnit.Of(record));
                else if (refused is not null)
                    units.Add(IngestUnit.Refused(new RejectedInput($"{options.Marketplace}/{slug}/events", refused, e.GetRawText())));
                if (transfer is not null)
                    transfers.Add(transfer);
                timestamp ??= transfer?.Timestamp;
                if (timestamp is { } t && t > newest)
                    newest = t;
            }
            next = page.Next;
            yield return IngestPage.Empty; // one request: the throttle counts it
        }
        while (!string.IsNullOrEmpty(next));
        units.Reverse(); // oldest first

        var supply = new Dictionary<string, (long Minted, long Burned)>(StringComparer.Ordinal);
        foreach (var transfer in Enumerable.Reverse(transfers)) // oldest first
            if (position.Count(transfer) is { } counts)
                supply[transfer.TokenId] = counts;
        position.MoveTo(newest, options.EventOverlap);
        var changed = supply.Select(s => MarketRecords.Supply(options.Marketplace, slug, collection, s.Key, s.Value.Minted, s.Value.Burned, clock.GetUtcNow())).ToList();
        units.Add(new IngestUnit(changed, [], new(MarketPositions.Events(slug), position.Write()))); // the counts and the cursor in one write
        yield return new IngestPage(units);
    }

    /// <summary>The cheapest best listing (the live order book), else the stats' floor; listings that cannot be read are refused.</summary>
    private (decimal? Floor, string Symbol, List<IngestUnit> Refused) Floor(string slug, OpenSeaCollectionStats stats, OpenSeaOrdersPage listings)
    {
        var refused = new List<IngestUnit>();
        (decimal Price, string Currency)? cheapest = null;
        foreach (var listing in listings.Listings ?? [])
        {
            var (price, currency, error) = OrderBookReader.ReadListing(listing);
            if (error is not null)
                refused.Add(IngestUnit.Refused(new RejectedInput($"{options.Marketplace}/{slug}/listings", error, listing.GetRawText())));
            else if (cheapest is null || price < cheapest.Value.Price)
                cheapest = (price, currency);
        }
        if (cheapest is { } best)
            return (best.Price, best.Currency, refused);
        return stats.Total?.FloorPrice is { } floor && floor >= 0
            ? (floor, MarketAmounts.Currency(stats.Total.FloorPriceSymbol), refused)
            : (null, "", refused);
    }
}
