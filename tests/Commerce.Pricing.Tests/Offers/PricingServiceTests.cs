using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Policy;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Offers;

public class PricingServiceTests
{
    private static readonly DateTimeOffset T = Scenario.Start;

    [Fact]
    public void An_offer_ranks_priced_items_with_an_expiry_from_the_injected_clock()
    {
        var clock = new ManualClock(T + TimeSpan.FromMinutes(1));
        var service = Market(clock);
        service.Apply(new InterestShown("p1", "dragon-epic", "dragons", TimeSpan.FromSeconds(90), T));

        var offer = service.MakeOffer("p1");

        Assert.Equal(T + TimeSpan.FromMinutes(1), offer.At);
        Assert.Equal(T + TimeSpan.FromMinutes(3), offer.ExpiresAt);
        Assert.Equal("dragon-epic", offer.Items[0].ItemId);
        Assert.DoesNotContain(offer.Items, i => i.Collection == "skins");
        Assert.DoesNotContain(offer.Items, i => i.ItemId == "dragon-sold-out");
        Assert.All(offer.Items, i => Assert.Equal(offer.ExpiresAt, i.ExpiresAt));
        Assert.All(offer.Items, i => Assert.Equal(i.Price.BaseUnits, i.Factors.Aggregate(Int128.Zero, (sum, f) => sum + f.Amount.BaseUnits)));
    }

    [Fact]
    public void Each_item_carries_a_quote_in_base_units_ready_to_sign()
    {
        var service = Market(new ManualClock(T));

        var item = service.MakeOffer("p1", T + TimeSpan.FromSeconds(10.7)).Items[0];

        Assert.Equal((UInt128)item.Price.BaseUnits, item.Quote.Amount);
        Assert.Equal("ETH", item.Quote.Currency);
        Assert.Equal(T + TimeSpan.FromSeconds(130), item.Quote.ExpiresAt);
        Assert.Equal(Policies.Default.Version, item.Quote.PolicyVersion);
        Assert.Null(item.Signature);
    }

    [Fact]
    public async Task A_signer_signs_every_quote_of_an_offer()
    {
        var service = Market(new ManualClock(T));
        var offer = service.MakeOffer("p1", T);
        var signer = new DigestSigner();

        var signed = await offer.SignAsync(signer);

        Assert.Equal(offer.Items.Count, signed.Items.Count);
        Assert.All(signed.Items, i => Assert.Equal(DigestSigner.SignatureOf(i.Quote), i.Signature));
        Assert.All(offer.Items, i => Assert.Null(i.Signature));
    }

    [Fact]
    public void A_campaign_quote_expires_no_later_than_the_campaign()
    {
        var service = Market(new ManualClock(T));
        service.Apply(new CampaignStarted("flash", "dragons", 0.1m, T, T + TimeSpan.FromSeconds(45.5), T));

        var offer = service.MakeOffer("p1", T, maxItems: 10);
        var dragons = offer.Items.Where(i => i.Collection == "dragons").ToList();

        Assert.Equal(3, dragons.Count);
        Assert.All(dragons, i => Assert.Equal(T + TimeSpan.FromSeconds(45), i.ExpiresAt));
        Assert.All(dragons, i => Assert.Contains(i.Factors, f => f.Factor == Factor.Campaign));
        Assert.Equal(T + TimeSpan.FromMinutes(2), offer.Items.Single(i => i.Collection == "skins").ExpiresAt);
    }

    [Fact]
    public void A_demand_spike_raises_the_list_price_only_as_fast_as_the_policy_allows()
    {
        var service = Market(new ManualClock(T));
        var first = service.MakeOffer("p1", T, maxItems: 10).Items.Single(i => i.ItemId == "dragon-epic").ListPrice.BaseUnits;
        for (var i = 0; i < 200; i++)
        {
            service.Apply(new BidPlaced("dragon-epic", "dragons", Money.Parse("0.2", Currency.Eth), T + TimeSpan.FromSeconds(1 + (i * 0.1))));
        }

        var spiked = service.MakeOffer("p1", T + TimeSpan.FromSeconds(30), maxItems: 10).Items.Single(i => i.ItemId == "dragon-epic");
        var unlimited = PricingEngine.Decide(service.State.Context("p1", Item(service, "dragon-epic"), T + TimeSpan.FromSeconds(30), Policies.Default, Policies.Dragons) with { RecentListLow = 0, RecentListHigh = 0 }, Policies.Dragons);

        Assert.Equal(first * 11 / 10, spiked.ListPrice.BaseUnits);
        Assert.True(spiked.Guardrails.HasFlag(GuardrailFlags.RateLimited));
        Assert.True(unlimited.ListPrice > spiked.ListPrice.BaseUnits, "without history the spike would have priced higher");
    }

    [Fact]
    public void A_quote_for_an_unknown_item_names_it()
    {
        var service = Market(new ManualClock(T));

        var ex = Assert.Throws<ArgumentException>(() => service.Quote("p1", "unicorn", T));

        Assert.Contains("'unicorn'", ex.Message);
    }

    [Fact]
    public void A_policy_that_breaks_the_rules_is_refused()
    {
        var broken = Policies.Default with { QuoteTtl = TimeSpan.Zero };

        var ex = Assert.Throws<PolicyValidationException>(() => new PricingService(broken));

        Assert.Equal("quoteTtl", ex.Errors.Single().Path);
    }

    private static Commerce.Pricing.State.ItemListing Item(PricingService service, string id)
    {
        Assert.True(service.State.TryGetItem(id, out var item));
        return item;
    }

    [Fact]
    public void Items_our_orders_paid_for_or_bought_are_left_out_and_a_sale_outlives_a_new_listing()
    {
        var service = Market(new ManualClock(T));
        bool Offered(string itemId, int second) => service.MakeOffer("p1", T + TimeSpan.FromSeconds(second)).Items.Any(i => i.ItemId == itemId);
        Assert.True(Offered("dragon-common", 1));
        Assert.True(Offered("dragon-rare", 1));

        service.Apply(new ItemAvailabilityChanged("dragon-common", "order-a", ItemAvailability.Held, T + TimeSpan.FromSeconds(2)));
        service.Apply(new ItemAvailabilityChanged("dragon-rare", "order-b", ItemAvailability.Sold, T + TimeSpan.FromSeconds(2)));
        Assert.False(Offered("dragon-common", 3));
        Assert.False(Offered("dragon-rare", 3));

        // Another order's release does not end a's hold; a's own release (its plan defaulted) does.
        service.Apply(new ItemAvailabilityChanged("dragon-common", "order-z", ItemAvailability.Released, T + TimeSpan.FromSeconds(4)));
        Assert.False(Offered("dragon-common", 5));
        service.Apply(new ItemAvailabilityChanged("dragon-common", "order-a", ItemAvailability.Released, T + TimeSpan.FromSeconds(6)));
        Assert.True(Offered("dragon-common", 7));

        // The catalog is listed again on every start: a sold item stays sold, even for its own order's release.
        service.Apply(new ItemSupplyChanged("dragon-rare", "dragons", 40, 100, Rarity.Rare, T + TimeSpan.FromSeconds(8)) { Traits = ["element:fire"] });
        service.Apply(new ItemAvailabilityChanged("dragon-rare", "order-b", ItemAvailability.Released, T + TimeSpan.FromSeconds(8)));
        Assert.False(Offered("dragon-rare", 9));
    }

    private static PricingService Market(TimeProvider clock)
    {
        var service = new PricingService(Policies.Default, clock);
        service.Apply(new ItemSupplyChanged("dragon-epic", "dragons", 4, 10, Rarity.Epic, T) { Traits = ["element:fire"] });
        service.Apply(new ItemSupplyChanged("dragon-common", "dragons", 400, 1000, Rarity.Common, T) { Traits = ["element:ice"] });
        service.Apply(new ItemSupplyChanged("dragon-rare", "dragons", 40, 100, Rarity.Rare, T) { Traits = ["element:fire"] });
        service.Apply(new ItemSupplyChanged("dragon-sold-out", "dragons", 0, 10, Rarity.Legendary, T));
        service.Apply(new ItemSupplyChanged("skin-1", "skins", 10, 10, Rarity.Rare, T));
        service.Apply(new LoyaltyUpdated("p1", LoyaltyTier.Silver, 1200m, T));
        return service;
    }

    private sealed class DigestSigner : IQuoteSigner
    {
        public static QuoteSignature SignatureOf(Quote quote) =>
            new("0xtest", "0x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(quote.ToString()))));

        public ValueTask<QuoteSignature> SignAsync(Quote quote, CancellationToken cancellationToken = default) => ValueTask.FromResult(SignatureOf(quote));
    }
}
