using Commerce.Chain.Crypto;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Offers;
using Commerce.Events.Player;
using Commerce.Pricing.Live;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Signing;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Live;

public class LivePricingEngineTests
{
    private static readonly DateTimeOffset T = Scenario.Start;
    private const string Player = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    private static EventEnvelope At(TimeSpan offset, string key, IEvent payload) => EventEnvelope.Create(key, payload, T + offset);

    private static List<EventEnvelope> Catalog() =>
    [
        At(TimeSpan.Zero, "dragons:1", new ItemListed("dragons:1", "dragons", "1", "legendary", 1, 1, 2.5m, "ETH", null)),
        At(TimeSpan.Zero, "dragons:4", new ItemListed("dragons:4", "dragons", "4", "epic", 1, 10, 0.8m, "ETH", null)),
        At(TimeSpan.Zero, "dragons:7", new ItemListed("dragons:7", "dragons", "7", "rare", 1, 100, 0.2m, "ETH", null)),
        At(TimeSpan.Zero, "skins:1", new ItemListed("skins:1", "skins", "1", "mythic", 1, 1, 1m, "ETH", null)),
    ];

    private static EventEnvelope Interest(double seconds, string itemId = "dragons:4") =>
        At(TimeSpan.FromSeconds(seconds), Player, new InterestShown(Player, itemId, 3, "test"));

    private static List<Offer> Feed(LivePricingEngine engine, IEnumerable<EventEnvelope> records) =>
        [.. records.Select(engine.Apply).OfType<Offer>()];

    [Fact]
    public void A_burst_of_interests_makes_one_offer_per_interval_of_event_time()
    {
        var engine = new LivePricingEngine(Policies.Default, TimeSpan.FromSeconds(5));

        var offers = Feed(engine, [.. Catalog(), Interest(10), Interest(10.5), Interest(12), Interest(14.9), Interest(15), Interest(16)]);

        Assert.Equal([T + TimeSpan.FromSeconds(10), T + TimeSpan.FromSeconds(15)], offers.Select(o => o.At));
        Assert.Equal(4, engine.OffersThrottled);
        Assert.All(offers, o => Assert.All(o.Items, i => Assert.Equal("dragons", i.Collection)));
    }

    [Fact]
    public void Chat_intents_ask_for_an_offer_and_move_its_price()
    {
        var engine = new LivePricingEngine(Policies.Default, TimeSpan.FromSeconds(5));
        var first = Feed(engine, [.. Catalog(), Interest(10)]).Single();

        var second = Feed(engine, [At(TimeSpan.FromSeconds(20), Player, new ChatIntentDetected(Player, "dragons:4", "negotiate", -0.5))]).Single();

        var before = first.Items.Single(i => i.ItemId == "dragons:4").Price.BaseUnits;
        var after = second.Items.Single(i => i.ItemId == "dragons:4").Price.BaseUnits;
        Assert.True(after < before, $"a negotiating, unhappy player should be quoted less than {before}, got {after}");
    }

    [Fact]
    public void Replaying_the_same_records_gives_the_same_offers_whatever_the_wall_clock()
    {
        List<EventEnvelope> records = [.. Catalog(), Interest(10), Interest(11, "dragons:7"), Interest(30, "skins:1"), Interest(31)];

        var first = Feed(new LivePricingEngine(Policies.Default, TimeSpan.FromSeconds(5)), records);
        var again = Feed(new LivePricingEngine(Policies.Default, TimeSpan.FromSeconds(5)), records);

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(OfferText.Format), again.Select(OfferText.Format));
    }

    [Fact]
    public void The_catalogs_mythic_rarity_prices_as_legendary()
    {
        var engine = new LivePricingEngine(Policies.Default, TimeSpan.Zero);

        var offer = Feed(engine, [.. Catalog(), Interest(10, "skins:1")]).Single();

        Assert.Equal(Commerce.Pricing.Inputs.Rarity.Legendary, offer.Items.Single(i => i.ItemId == "skins:1").Rarity);
    }

    [Fact]
    public void An_offer_made_event_carries_signed_quotes_that_survive_the_wire()
    {
        var key = EthPrivateKey.Generate();
        var signer = new Eip712QuoteSigner(key, new QuoteDomain(31337, EthAddress.Zero, new Dictionary<string, EthAddress>(), new Dictionary<string, EthAddress>()));
        var offer = Feed(new LivePricingEngine(Policies.Default, TimeSpan.FromSeconds(5)), [.. Catalog(), Interest(10), Interest(12, "skins:1")]).Single();

        var made = OfferEvents.Sign(offer, signer)!;
        var wire = (OfferMade)EnvelopeSerializer.Deserialize(EnvelopeSerializer.Serialize(EventEnvelope.Create(Player, made, T))).Payload;

        Assert.Equal(offer.OfferId, wire.OfferId);
        Assert.Equal(offer.Items.Select(i => i.ItemId), wire.Items.Select(i => i.ItemId));
        Assert.All(wire.Items, item =>
        {
            var q = item.Quote;
            var described = new Commerce.Chain.Contracts.CheckoutQuote
            {
                Collection = EthAddress.Parse(q.CollectionContract), TokenId = System.Numerics.BigInteger.Parse(q.TokenId), Buyer = EthAddress.Parse(q.Buyer),
                Currency = EthAddress.Parse(q.CurrencyToken), Price = System.Numerics.BigInteger.Parse(q.Price), Installments = (ushort)q.Installments,
                Expiry = (ulong)q.Expiry, Nonce = Commerce.Chain.Hex.HexString.Decode(q.Nonce),
            };
            Assert.Equal(key.Address, signer.RecoverSigner(described, q.Signature));
            Assert.Equal(item.ExpiresAt.ToUnixTimeSeconds(), q.Expiry);
            Assert.Contains(item.Explanation, f => f.Factor == "Base");
        });
    }

    [Fact]
    public void The_type_filter_skips_exactly_the_records_that_map_to_no_input()
    {
        var mapper = new EventInputMapper(Policies.Default);
        EventEnvelope[] records =
        [
            .. Catalog(),
            Interest(1),
            At(TimeSpan.FromSeconds(2), Player, new LoyaltyUpdated(Player, "gold", 120m)),
            At(TimeSpan.FromSeconds(3), Player, new ChatIntentDetected(Player, "dragons:4", "ask_price", 0.2)),
            At(TimeSpan.FromSeconds(4), "dragons:4", new Commerce.Events.Market.BidPlaced("dragons", "dragons:4", 0.7m, "ETH", "opensea")),
            At(TimeSpan.FromSeconds(5), "dragons", new Commerce.Events.Market.FloorPriceChanged("dragons", 0.5m, "ETH", "opensea")),
            At(TimeSpan.FromSeconds(6), "dragons:7", new Commerce.Events.Market.SaleRecorded("dragons", "dragons:7", 0.3m, "ETH", "opensea")),
            At(TimeSpan.FromSeconds(7), "dragons:4", new Commerce.Events.Market.ItemSupplyChanged("dragons", "dragons:4", 8, 10)),
            At(TimeSpan.FromSeconds(8), "dragons", new Commerce.Events.Campaigns.CampaignStarted("c1", "dragons", 0.1m, T, T.AddHours(1))),
            At(TimeSpan.FromSeconds(9), "dragons", new Commerce.Events.Campaigns.CampaignEnded("c1", "dragons")),
            At(TimeSpan.FromSeconds(10), "dragons:4", new ItemInterestRegistered("dragons:4", Player, 3, T)),
            At(TimeSpan.FromSeconds(11), Player, new WalletLinked(Player, Player)),
            At(TimeSpan.FromSeconds(12), Player, new Commerce.Events.Pushes.PlayerPushed(Player, 1, "InterestRecorded", "{}")),
            At(TimeSpan.FromSeconds(13), "dragons:4", new Commerce.Events.Items.ItemPaidFor("dragons:4", "o1", Player, "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
            At(TimeSpan.FromSeconds(14), "dragons:4", new Commerce.Events.Items.ReservationReleased("dragons:4", "o1", "the plan defaulted")),
            At(TimeSpan.FromSeconds(15), "dragons:4", new Commerce.Events.Items.ItemSold("dragons:4", "o2", "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Minted: true)),
        ];

        Assert.All(records, r => Assert.Equal(mapper.Map(r) is not null, EventInputMapper.Reads(r.Type)));
        Assert.Equal(3, records.Count(r => !EventInputMapper.Reads(r.Type)));
        Assert.Equal([Inputs.ItemAvailability.Held, Inputs.ItemAvailability.Released, Inputs.ItemAvailability.Sold],
            records.Select(mapper.Map).OfType<Inputs.ItemAvailabilityChanged>().Select(a => a.Availability));
    }

    [Fact]
    public void A_delisted_item_goes_off_sale_for_good_whatever_an_order_releases_later()
    {
        var mapper = new EventInputMapper(Policies.Default);
        var state = new Commerce.Pricing.State.PricingState();
        foreach (var record in Catalog())
            state.Apply(mapper.Map(record)!);
        Assert.True(state.IsOnSale("dragons:4"));

        var delisted = mapper.Map(At(TimeSpan.FromSeconds(1), "dragons:4", new ItemDelisted("dragons:4", "ops-1", "counterfeit art")));
        state.Apply(delisted!);
        state.Apply(mapper.Map(At(TimeSpan.FromSeconds(2), "dragons:4", new ReservationReleased("dragons:4", "o1", "the plan defaulted")))!);

        Assert.True(EventInputMapper.Reads(nameof(ItemDelisted)));
        Assert.Equal(new Inputs.ItemAvailabilityChanged("dragons:4", EventInputMapper.DelistedHolder, Inputs.ItemAvailability.Held, T.AddSeconds(1)), delisted);
        Assert.False(state.IsOnSale("dragons:4"));
        Assert.True(state.IsOnSale("dragons:7"));
    }

    [Fact]
    public void An_operators_edit_of_an_items_rarity_prices_it_at_the_new_rarity_and_a_price_only_edit_changes_nothing()
    {
        var edited = new LivePricingEngine(Policies.Default, TimeSpan.Zero);
        var untouched = new LivePricingEngine(Policies.Default, TimeSpan.Zero);
        var priceOnly = At(TimeSpan.FromSeconds(1), "dragons:7", new ItemEdited("dragons:7", "ops-1", 0.9m, null));
        var rarity = At(TimeSpan.FromSeconds(2), "dragons:7", new ItemEdited("dragons:7", "ops-1", null, "legendary"));

        var before = Feed(untouched, [.. Catalog(), priceOnly, Interest(10, "dragons:7")]).Single().Items.Single(i => i.ItemId == "dragons:7");
        var after = Feed(edited, [.. Catalog(), priceOnly, rarity, Interest(10, "dragons:7")]).Single().Items.Single(i => i.ItemId == "dragons:7");

        Assert.Equal(Commerce.Pricing.Inputs.Rarity.Rare, before.Rarity);
        Assert.Equal(Commerce.Pricing.Inputs.Rarity.Legendary, after.Rarity);
        Assert.True(after.Price.BaseUnits > before.Price.BaseUnits, $"a legendary item should be offered above its rare price: {after.Price} vs {before.Price}");
        Assert.Null(new EventInputMapper(Policies.Default).Map(priceOnly));
    }
}
