using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Host.Auth;
using Commerce.Testing;

namespace Commerce.Host.Tests;

/// <summary>The auction API against the embedded platform: bids, the watch socket, my bids, marketing's create/cancel/list, bad input.</summary>
public sealed class AuctionApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_players_bid_a_watcher_sees_each_accepted_bid_and_my_bids_says_who_leads()
    {
        var itemId = await ListedItemAsync();
        var marketing = platform.StaffClient(Roles.Marketing);
        var created = await marketing.PostAsJsonAsync("/api/admin/auctions", new { itemId, auctionId = "a1", reserve = 1.0m, durationSeconds = 3600 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (alice, aliceId, aliceToken) = await platform.SignInAsync();
        var (bob, _, _) = await platform.SignInAsync();
        await using var watcher = await PushClient.ConnectAsync(platform.BaseUrl, aliceToken, path: $"/api/auctions/{itemId}/watch");
        await Eventually.Until(() => watcher.Frames.Count >= 1, Deadline, "the watch socket's snapshot");

        var tooLow = await BidAsync(alice, itemId, "alice-1", 0.5m);
        var first = await BidAsync(alice, itemId, "alice-2", 1.0m);
        var self = await BidAsync(alice, itemId, "alice-3", 2.0m);
        var second = await BidAsync(bob, itemId, "bob-1", 1.05m);
        var repeat = await BidAsync(alice, itemId, "alice-2", 1.0m);

        Assert.Equal(("tooLow", 1.0m), (tooLow.GetProperty("status").GetString(), tooLow.GetProperty("minimum").GetDecimal()));
        Assert.Equal("accepted", first.GetProperty("status").GetString());
        Assert.Equal("alreadyHighest", self.GetProperty("status").GetString());
        Assert.Equal(("accepted", 2L), (second.GetProperty("status").GetString(), second.GetProperty("seq").GetInt64()));
        Assert.Equal(("accepted", 1L), (repeat.GetProperty("status").GetString(), repeat.GetProperty("seq").GetInt64()));
        await Eventually.Until(() => watcher.Seqs.Contains(2), Deadline, () => $"the watcher to see bids 1 and 2, saw {string.Join(",", watcher.Seqs)}");
        Assert.Equal("AuctionSnapshot", watcher.Frames[0].GetProperty("type").GetString());
        Assert.Equal([0L, 1L, 2L], watcher.Seqs);

        var mine = await alice.GetFromJsonAsync<JsonElement>("/api/me/bids");
        var bid = Assert.Single(mine.EnumerateArray());
        Assert.Equal((itemId, "alice-2", false, "Open"), (bid.GetProperty("itemId").GetString(), bid.GetProperty("bidId").GetString(),
            bid.GetProperty("highest").GetBoolean(), bid.GetProperty("phase").GetString()));
        var listed = await marketing.GetFromJsonAsync<JsonElement>("/api/admin/auctions?phase=open");
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("itemId").GetString() == itemId && a.GetProperty("bidCount").GetInt32() == 2);
        Assert.Equal(aliceId, aliceId.ToLowerInvariant());
    }

    [Fact]
    public async Task Marketing_cancels_an_auction_without_bids_and_the_item_is_free_again()
    {
        var itemId = await ListedItemAsync();
        var marketing = platform.StaffClient(Roles.Marketing);
        await marketing.PostAsJsonAsync("/api/admin/auctions", new { itemId, auctionId = "c1", reserve = 1.0m, durationSeconds = 60 });
        await AssertProblemAsync(await marketing.PostAsJsonAsync($"/api/admin/auctions/{itemId}/cancel", new { auctionId = "other" }), HttpStatusCode.Conflict, "auctionId");

        var cancelled = await marketing.PostAsJsonAsync($"/api/admin/auctions/{itemId}/cancel", new { auctionId = "c1" });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = await cancelled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Ended", "Cancelled"), (view.GetProperty("phase").GetString(), view.GetProperty("outcome").GetString()));
        var item = await marketing.GetFromJsonAsync<JsonElement>($"/api/items/{itemId}");
        Assert.Equal(nameof(ItemStatus.Available), item.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"reserve": 1, "durationSeconds": 60}""", "itemId")]
    [InlineData("""{"itemId": "dragons:1", "durationSeconds": 60}""", "reserve")]
    [InlineData("""{"itemId": "dragons:1", "reserve": -1, "durationSeconds": 60}""", "reserve")]
    [InlineData("""{"itemId": "dragons:1", "reserve": 1}""", "durationSeconds")]
    [InlineData("""{"itemId": "dragons:1", "reserve": 1, "durationSeconds": 60, "incrementPercent": 0}""", "incrementPercent")]
    [InlineData("""{"itemId": "dragons:1", "reserve": 1, "durationSeconds": 60, "extensionSeconds": -1}""", "extensionSeconds")]
    [InlineData("""{"itemId": "dragons:1", "reserve": 1, "durationSeconds": 60, "paymentWindowSeconds": 5}""", "paymentWindowSeconds")]
    [InlineData("""{"itemId": "dragons:1", "auctionId": "bad id!", "reserve": 1, "durationSeconds": 60}""", "auctionId")]
    public async Task A_bad_auction_is_a_400_naming_the_field(string body, string field)
    {
        var marketing = platform.StaffClient(Roles.Marketing);
        await AssertProblemAsync(await marketing.PostAsync("/api/admin/auctions", new StringContent(body, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"amount": 1, "currency": "ETH"}""", "bidId")]
    [InlineData("""{"bidId": "x y", "amount": 1, "currency": "ETH"}""", "bidId")]
    [InlineData("""{"bidId": "b1", "currency": "ETH"}""", "amount")]
    [InlineData("""{"bidId": "b1", "amount": 0, "currency": "ETH"}""", "amount")]
    [InlineData("""{"bidId": "b1", "amount": 1.0000001, "currency": "USDC"}""", "amount")]
    [InlineData("""{"bidId": "b1", "amount": 1, "currency": "DOGE"}""", "currency")]
    public async Task A_bad_bid_is_a_400_naming_the_field(string body, string field)
    {
        var (client, _, _) = await platform.SignInAsync();
        await AssertProblemAsync(await client.PostAsync("/api/auctions/dragons:1/bids", new StringContent(body, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_bid_without_an_auction_is_a_404_and_players_cannot_open_or_list_auctions()
    {
        var (client, _, _) = await platform.SignInAsync();
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/auctions/dragons:2/bids", new { bidId = "b1", amount = 1, currency = "ETH" }), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/admin/auctions", new { itemId = "dragons:2", reserve = 1, durationSeconds = 60 }), HttpStatusCode.Forbidden, null);
        await AssertProblemAsync(await client.GetAsync("/api/admin/auctions"), HttpStatusCode.Forbidden, null);
        await AssertProblemAsync(await platform.StaffClient(Roles.Operator).GetAsync("/api/admin/auctions?phase=soon"), HttpStatusCode.BadRequest, "phase");
        await AssertProblemAsync(await platform.StaffClient(Roles.Marketing).PostAsJsonAsync("/api/admin/auctions",
            new { itemId = "nowhere:1", reserve = 1, durationSeconds = 60 }), HttpStatusCode.NotFound, "itemId");
    }

    private async Task<string> ListedItemAsync()
    {
        var tokenId = $"a{Guid.NewGuid():N}"[..12];
        var marketing = platform.StaffClient(Roles.Marketing);
        var listed = await marketing.PostAsJsonAsync("/api/admin/items",
            new { collection = "dragons", tokenId, rarity = "legendary", edition = 1, supply = 1, listPrice = 1, currency = "ETH" });
        listed.EnsureSuccessStatusCode();
        var itemId = $"dragons:{tokenId}";
        await Eventually.Until(async () => (await marketing.GetAsync($"/api/items/{itemId}")).IsSuccessStatusCode, Deadline, () => $"{itemId} to be listed");
        return itemId;
    }

    private static async Task<JsonElement> BidAsync(HttpClient client, string itemId, string bidId, decimal amount)
    {
        var response = await client.PostAsJsonAsync($"/api/auctions/{itemId}/bids", new { bidId, amount, currency = "ETH" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected the bid {bidId} to be answered 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field} in {text}");
    }
}
