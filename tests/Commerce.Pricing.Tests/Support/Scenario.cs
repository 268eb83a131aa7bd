using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;

namespace Commerce.Pricing.Tests.Support;

/// <summary>
/// A seeded, recorded market: items in two collections, players with loyalty, interests, chat, bids, floors, sales,
/// a campaign and offer requests. Built as segments of at most 20 s of event time, each closed by an offer request,
/// so any reordering inside a segment stays within the default allowed lateness (30 s).
/// </summary>
internal static class Scenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static List<List<PricingInput>> Segments(int seed, int segments = 120)
    {
        var rng = new Random(seed);
        var players = Enumerable.Range(1, 8).Select(i => $"player-{i}").ToArray();
        string[] elements = ["fire", "ice", "storm", "earth"];
        string[] slots = ["weapon", "armor", "mount"];
        var items = new List<(string Id, string Collection)>();
        var setup = new List<PricingInput>();
        for (var i = 1; i <= 12; i++)
        {
            var collection = i % 3 == 0 ? "skins" : "dragons";
            var id = $"{collection}-{i:00}";
            items.Add((id, collection));
            setup.Add(new ItemSupplyChanged(id, collection, rng.Next(1, 50), 50, (Rarity)rng.Next(0, 5), Start)
            {
                Traits = [$"element:{elements[rng.Next(elements.Length)]}", $"slot:{slots[rng.Next(slots.Length)]}"],
            });
        }

        foreach (var player in players)
        {
            setup.Add(new LoyaltyUpdated(player, (LoyaltyTier)rng.Next(0, 5), rng.Next(0, 5000), Start));
        }

        setup.Add(new FloorPriceChanged("dragons", Money.Parse("0.045", Currency.Eth), Start));
        setup.Add(new CampaignStarted("black-friday", "skins", 0.15m, Start + TimeSpan.FromMinutes(10), Start + TimeSpan.FromMinutes(25), Start));
        setup.Add(new OfferRequested(players[0], Start));

        var result = new List<List<PricingInput>> { setup };
        var t = Start;
        for (var s = 0; s < segments; s++)
        {
            var segmentStart = t;
            var segment = new List<PricingInput>();
            for (var e = rng.Next(3, 15); e > 0; e--)
            {
                // Distinct times: a tie between two facts about one entity is settled by arrival order, not reordered here.
                var at = segmentStart + TimeSpan.FromMilliseconds((e * 1000) + rng.Next(0, 1000));
                var player = players[rng.Next(players.Length)];
                var (itemId, collection) = items[rng.Next(items.Count)];
                segment.Add(rng.Next(10) switch
                {
                    < 5 => new InterestShown(player, itemId, collection, TimeSpan.FromSeconds(rng.Next(1, 120)), at),
                    5 or 6 => new BidPlaced(itemId, collection, collection == "dragons" ? Money.Parse("0.05", Currency.Eth) : Money.Parse("20", Currency.Usdc), at),
                    7 => new ChatIntentDetected(player, rng.Next(2) == 0 ? null : itemId, (ChatIntent)rng.Next(0, 6), rng.Next(-100, 101) / 100m, at),
                    8 => new SaleRecorded(collection, itemId, collection == "dragons" ? new Money(Wei.Eth("0.04") + (Wei.Eth("0.0001") * rng.Next(0, 500)), Currency.Eth) : Money.Parse("22", Currency.Usdc), at),
                    _ => new LoyaltyUpdated(player, (LoyaltyTier)rng.Next(0, 5), rng.Next(0, 5000), at),
                });
            }

            segment.Sort((a, b) => a.At.CompareTo(b.At));
            t = segmentStart + TimeSpan.FromSeconds(20);
            segment.Add(new OfferRequested(players[rng.Next(players.Length)], t));
            result.Add(segment);
        }

        return result;
    }

    public static List<PricingInput> Stream(int seed, int segments = 120) => Segments(seed, segments).SelectMany(s => s).ToList();

    /// <summary>The same stream with the events of each segment shuffled (offer requests stay last in their segment).</summary>
    public static List<PricingInput> Shuffled(int seed, int shuffleSeed, int segments = 120)
    {
        var rng = new Random(shuffleSeed);
        return Segments(seed, segments)
            .SelectMany(segment => segment.Take(segment.Count - 1).OrderBy(_ => rng.Next()).Append(segment[^1]))
            .ToList();
    }
}
