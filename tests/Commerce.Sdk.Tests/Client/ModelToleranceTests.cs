using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Client;

public sealed class ModelToleranceTests
{
    [Fact]
    public void An_empty_player_state_reads_as_empty_lists_not_errors()
    {
        var state = PlayerState.FromJson(JsonReader.Parse("{}"));

        Assert.Equal("", state.PlayerId);
        Assert.Null(state.LoyaltyTier);
        Assert.Empty(state.Interests);
        Assert.Empty(state.Intents);
        Assert.Empty(state.Offers);
        Assert.Empty(state.Orders);
        Assert.Equal(0, state.InterestCount);
    }

    [Fact]
    public void Alternative_field_shapes_are_understood()
    {
        var state = PlayerState.FromJson(JsonReader.Parse(
            "{\"wallet\":{\"address\":\"0xABC\"},\"loyalty\":{\"tier\":\"silver\"},"
            + "\"interests\":[{\"itemId\":\"a:1\",\"dwellSeconds\":2.5,\"shownAt\":\"2026-01-01T00:00:00Z\"},42,{\"itemId\":\"b:2\",\"count\":3}],"
            + "\"intents\":[{\"kind\":\"sell\",\"score\":0.5}],\"offers\":[{\"id\":\"o\",\"amount\":4}]}"));

        Assert.Equal(("0xABC", "0xabc", "silver"), (state.Wallet, state.PlayerId, state.LoyaltyTier));
        Assert.Equal(2, state.Interests.Count); // the stray number is skipped
        Assert.Equal((1L, 2.5), (state.Interests[0].Count, state.Interests[0].TotalDwellSeconds));
        Assert.Equal(state.Interests[0].FirstAt, state.Interests[0].LastAt);
        Assert.Equal(4, state.InterestCount);
        Assert.Equal(("sell", 0.5), (state.Intents[0].Intent, state.Intents[0].Sentiment!.Value));
        Assert.Equal(("o", 4m), (state.Offers[0].OfferId, state.Offers[0].Price!.Value));
    }

    [Fact]
    public void Item_numbers_may_come_as_strings_or_in_nested_objects()
    {
        var item = ItemState.FromJson(JsonReader.Parse(
            "{\"itemId\":\"a:1\",\"tokenId\":1,\"floor\":{\"price\":\"2.5\",\"currency\":\"ETH\"},"
            + "\"interestCounts\":{\"lastHour\":4,\"total\":17},\"supply\":\"many\",\"status\":2}"));

        Assert.Equal(("1", 2.5m, "ETH"), (item.TokenId, item.Floor!.Value, item.Currency));
        Assert.Equal((17L, 4L), (item.InterestTotal, item.InterestCounts["lastHour"]));
        Assert.Null(item.Supply);
        Assert.Equal("2", item.Status);
        Assert.True(item.Listed);
    }

    [Fact]
    public void Wrong_kinds_read_as_absent()
    {
        var item = ItemState.FromJson(JsonReader.Parse("{\"itemId\":7,\"bids\":{},\"listed\":\"yes\",\"updatedAt\":\"yesterday\"}"));

        Assert.Equal("", item.ItemId);
        Assert.Empty(item.Bids);
        Assert.True(item.Listed);
        Assert.Null(item.UpdatedAt);
    }
}
