using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Player;
using Commerce.Pricing.Live;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Live;

/// <summary>An event stamped in the future cannot make a long-lived signed quote (issue 11).</summary>
public class QuoteLifetimeTests
{
    private const string Player = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static readonly DateTimeOffset Now = Scenario.Start.AddHours(1);

    private static Offer OfferAt(DateTimeOffset eventTime)
    {
        var engine = new LivePricingEngine(Policies.Default, TimeSpan.FromSeconds(5));
        engine.Apply(EventEnvelope.Create("dragons:4", new ItemListed("dragons:4", "dragons", "4", "epic", 1, 10, 0.8m, "ETH", null), Scenario.Start));
        return engine.Apply(EventEnvelope.Create(Player, new InterestShown(Player, "dragons:4", 3, "test"), eventTime))
            ?? throw new InvalidOperationException("an interest in a listed item makes an offer");
    }

    [Fact]
    public void An_interest_from_next_year_makes_an_offer_the_signer_refuses()
    {
        var offer = OfferAt(Now.AddDays(365));

        Assert.True(offer.ExpiresAt > Now.AddDays(364), "the engine prices at the event's time");
        Assert.False(QuoteLifetime.MaySign(offer.ExpiresAt, Now, Policies.Default.QuoteTtl));
    }

    [Fact]
    public void An_interest_of_now_or_within_the_clock_skew_is_signed()
    {
        Assert.True(QuoteLifetime.MaySign(OfferAt(Now).ExpiresAt, Now, Policies.Default.QuoteTtl));
        Assert.True(QuoteLifetime.MaySign(OfferAt(Now + QuoteLifetime.ClockSkew - TimeSpan.FromSeconds(1)).ExpiresAt, Now, Policies.Default.QuoteTtl));
        Assert.False(QuoteLifetime.MaySign(OfferAt(Now + QuoteLifetime.ClockSkew + TimeSpan.FromSeconds(2)).ExpiresAt, Now, Policies.Default.QuoteTtl));
    }
}
