using System.Globalization;
using System.Runtime.CompilerServices;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.MarketplaceMonitoring.Api;
using Commerce.Connectors.MarketplaceMonitoring.Configuration;
using Commerce.Connectors.MarketplaceMonitoring.Mapping;

namespace Commerce.Connectors.MarketplaceMonitoring.Sources;

/// <summary>
/// Polls the REST API for each watched collection: the stats (a new floor becomes FloorPriceChanged), then the events
/// since the stored cursor less an overlap, following <c>next</c> until the pages run out (newest first, so a poll's
/// events are published oldest first, then the cursor moves to the newest). The overlap re-reads late and skipped
/// events; the ledger drops what was published already (by the REST poll or by the stream).
/// </summary>
public sealed class RestPollSource(IOpenSeaApi api, MarketplaceMonitoringOptions options, TimeProvider clock) : IIngestSource
{
    public string Name => "marketplace.rest";

    public async IAsyncEnumerable<IngestPage> ReadAsync(IReadOnlyDictionary<string, string> positions, [EnumeratorCancellation] CancellationToken ct)
    {
        var floors = options.Collections.Keys.ToDictionary(s => s, s => MarketPositions.ReadFloor(positions.GetValueOrDefault(MarketPositions.Floor(s))));
        var cursors = options.Collections.Keys.ToDictionary(s => s, s =>
            long.TryParse(positions.GetValueOrDefault(MarketPositions.Events(s)), CultureInfo.InvariantCulture, out var c) ? c : (long?)null);
        while (true)
        {
            foreach (var (slug, collection) in options.Collections)
            {
                var stats = await api.GetStatsAsync(slug, ct);
                if (stats.Total?.FloorPrice is { } price && price >= 0 && price != floors[slug].Price)
                {
                    var changes = floors[slug].Changes + 1;
                    floors[slug] = (changes, price);
                    var record = MarketRecords.Floor(options.Marketplace, slug, collection, changes, price, MarketAmounts.Currency(stats.Total.FloorPriceSymbol), clock.GetUtcNow());
                    yield return new IngestPage([IngestUnit.Of(record, new(MarketPositions.Floor(slug), MarketPositions.WriteFloor(changes, price)))]);
                }

                var after = cursors[slug] is { } cursor ? Math.Max(0, cursor - (long)options.EventOverlap.TotalSeconds) : (long?)null;
                var units = new List<IngestUnit>();
                var newest = cursors[slug] ?? 0;
                string? next = null;
                do
                {
                    var page = await api.GetEventsAsync(slug, after, next, options.EventsPageSize, ct);
                    foreach (var e in page.AssetEvents)
                    {
                        var (record, refused, timestamp) = RestEventReader.Read(e, options.Marketplace, collection);
                        if (record is not null)
                            units.Add(IngestUnit.Of(record));
                        else if (refused is not null)
                            units.Add(IngestUnit.Refused(new RejectedInput($"{options.Marketplace}/{slug}/events", refused, e.GetRawText())));
                        if (timestamp is { } t && t > newest)
                            newest = t;
                    }
                    next = page.Next;
                    yield return IngestPage.Empty; // one request: the throttle counts it
                }
                while (!string.IsNullOrEmpty(next));
                units.Reverse(); // oldest first
                units.Add(IngestUnit.Move(new(MarketPositions.Events(slug), newest.ToString(CultureInfo.InvariantCulture))));
                cursors[slug] = newest;
                yield return new IngestPage(units);
            }
            await Task.Delay(options.PollInterval, clock, ct);
        }
    }
}
