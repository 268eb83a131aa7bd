using Commerce.Sdk.Tests.Support;

namespace Commerce.Sdk.Tests.Platform;

/// <summary>The SDK's chat call against the real platform: the answer cites the price offered to this player, and that offer's explanation the chat intent.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ChatTests(HostFixture platform)
{
    [Fact]
    public async Task A_player_asks_about_an_offered_item_and_its_next_offer_cites_the_chat_intent()
    {
        await using var player = await PlayerSession.StartAsync(platform);
        await player.Client.ShowInterestAsync("skins:5", 12);
        var first = await player.Offers.WaitForAsync(o => o.Any(offer => offer.Find("skins:5") is not null), "an offer holding skins:5");
        var offered = first.Last(offer => offer.Find("skins:5") is not null).Find("skins:5")!;

        var price = await player.Client.AskAsync("how much is it?", "skins:5");
        Assert.Equal((ChatIntents.AskPrice, "skins:5"), (price.Intent, price.ItemId));
        Assert.Equal(offered.Price, price.YourPrice);
        Assert.Equal(offered.Currency, price.YourPriceCurrency);
        Assert.Contains(price.YourPrice!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), price.Answer);

        var haggle = await player.Client.AskAsync("can you go lower on this one?", "skins:5");
        Assert.Equal(ChatIntents.Negotiate, haggle.Intent);
        Assert.InRange(haggle.Confidence, 0.2, 1);
        // Offers are rate-limited per player (one per 5 s): the chat's own trigger may fall inside the interval of the
        // interest's offer; then an interest shown after it is priced with the intent the chat left.
        static bool Cited(IReadOnlyList<OfferReceived> offers) => offers.Any(o => o.Find("skins:5")?.Cites("Intent") == true);
        try
        {
            await player.Offers.WaitForAsync(Cited, "an offer of skins:5 citing the chat intent", TimeSpan.FromSeconds(8));
        }
        catch (Xunit.Sdk.XunitException)
        {
            await player.Client.ShowInterestAsync("skins:5", 1);
            await player.Offers.WaitForAsync(Cited, "an offer of skins:5 whose explanation cites the chat intent, after a second interest", TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task A_chat_turn_whose_answer_is_lost_is_asked_again_with_its_key_and_each_turn_has_a_fresh_key()
    {
        using var flaky = new AnswerLosingTransport("/api/me/chat", loseAnswers: 1);
        await using var player = await PlayerSession.StartAsync(platform, flaky);

        var first = await player.Client.AskAsync("how much is it?", "skins:5");
        var second = await player.Client.AskAsync("how much is it?", "skins:5");

        var keys = flaky.IdempotencyKeys.Snapshot();
        Assert.Equal(3, keys.Count); // the first turn twice (its answer lost once), the second once
        Assert.NotNull(keys[0]);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.InRange(keys[2]!.Length, 1, 128);
        Assert.Equal((ChatIntents.AskPrice, ChatIntents.AskPrice), (first.Intent, second.Intent));
        // The platform answered the retried turn from its first answer: a new turn is a new event.
        Assert.NotEqual(first.EventId, second.EventId);
    }
}
