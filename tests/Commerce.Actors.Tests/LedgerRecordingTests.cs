using System.Text.Json;
using Commerce.Actors.Ledger;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>Grains record money and NFT movements in the hash-chained ledger (decision D9) with their own commits, once each.</summary>
public sealed class LedgerRecordingTests
{
    private const string Wallet = "0x7777777777777777777777777777777777777777";

    [Fact]
    public async Task A_paid_order_records_the_payment_and_the_mint_with_the_commits_that_made_them_and_the_chain_verifies()
    {
        await using var database = await PlatformDatabase.CreateAsync(PlatformDatabase.Sqlite);
        await using var platform = await PlatformHarness.StartAsync(database);
        var orderId = await PlaceAsync(platform, "dragons:7", '7');

        await platform.Producer.PublishAsync(TopicCatalog.OrderEvents, Payment(orderId, confirmed: false));
        await platform.Producer.PublishAsync(TopicCatalog.OrderEvents, Payment(orderId, confirmed: true));
        await platform.WaitForStateAsync<OrderState>(OrderGrain.TypeName, orderId, s => s.Status == OrderStatus.Completed, "the order completed by its confirmed payment");

        // The order stores its state with its payment entry, after the item stored its own with the mint: both are in now.
        var entries = await platform.Store.ReadLedgerAsync(0, 100, CancellationToken.None);
        Assert.Equal(["nft.minted", "payment.Purchased"], entries.Select(e => Entry(e).GetProperty("kind").GetString()).Order());
        var payment = Entry(entries.Single(e => e.Write.GrainType == OrderGrain.TypeName));
        Assert.Equal("2500", payment.GetProperty("amount").GetString());
        Assert.Equal(Wallet, payment.GetProperty("from").GetString());
        Assert.Equal("checkout", payment.GetProperty("to").GetString());
        Assert.Equal("0xtx7:3", payment.GetProperty("reference").GetString());
        var mint = Entry(entries.Single(e => e.Write.Key == "dragons:7"));
        Assert.Equal(Wallet, mint.GetProperty("to").GetString());
        Assert.Equal("7", mint.GetProperty("amount").GetString());
        var verification = await LedgerVerifier.VerifyAsync(platform.Store, CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(2, verification.Entries);
    }

    [Fact]
    public async Task A_confirmed_payment_the_watcher_delivers_twice_is_recorded_once()
    {
        await using var database = await PlatformDatabase.CreateAsync(PlatformDatabase.Sqlite);
        await using var platform = await PlatformHarness.StartAsync(database);
        var orderId = await PlaceAsync(platform, "dragons:8", '8');
        var confirmed = Payment(orderId, confirmed: true);

        await platform.Producer.PublishAsync(TopicCatalog.OrderEvents, confirmed);
        await platform.Producer.PublishAsync(TopicCatalog.OrderEvents, confirmed); // the watcher's at-least-once delivery: same event, next offset
        // A record for the same order after the duplicate: once it is applied, the duplicate was seen too.
        await platform.Producer.PublishAsync(TopicCatalog.OrderEvents, orderId, new DeliveryUpdated(orderId, "marker", "Confirmed", null));
        await platform.WaitForStateAsync<OrderState>(OrderGrain.TypeName, orderId, s => s.History.Any(h => h.Event == nameof(DeliveryUpdated)),
            "the record published after the duplicate applied");

        var entries = await platform.Store.ReadLedgerAsync(0, 100, CancellationToken.None);
        Assert.Equal(["nft.minted", "payment.Purchased"], entries.Select(e => Entry(e).GetProperty("kind").GetString()).Order());
        var verification = await LedgerVerifier.VerifyAsync(platform.Store, CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
    }

    /// <summary>Lists the item and places an order for it, waiting until the item is held for the order.</summary>
    private static async Task<string> PlaceAsync(PlatformHarness platform, string itemId, char digit)
    {
        var tokenId = itemId.Split(':')[1];
        await platform.Producer.PublishAsync(TopicCatalog.ItemEvents, itemId, new ItemListed(itemId, "dragons", tokenId, "legendary", 1, 1, 2.5m, "ETH", null));
        // Listings and orders come on different topics, each in its own time: an order for an item not listed yet is refused.
        await platform.WaitForStateAsync<NftItemState>(NftItemGrain.TypeName, itemId, s => s.Listed, "the item listed");
        var orderId = "0x" + new string(digit, 64);
        var quote = new OrderQuote("0x0000000000000000000000000000000000000000", tokenId, Wallet, "0x0000000000000000000000000000000000000000",
            "2500", 1, DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(), orderId);
        await platform.Producer.PublishAsync(TopicCatalog.OrderEvents, orderId, new OrderPlaced(orderId, Wallet, Wallet, itemId, quote, "0xsig", "eth", $"k-{digit}"));
        await platform.WaitForStateAsync<OrderState>(OrderGrain.TypeName, orderId, s => s.Status == OrderStatus.Reserved, "the order's item held for it");
        return orderId;
    }

    private static EventEnvelope Payment(string orderId, bool confirmed) =>
        EventEnvelope.Create(orderId, new PaymentObserved(orderId, "Purchased", Wallet, "2500", "2500", null, "0xtx7", 3, 10, "0xb10",
            Confirmed: confirmed, Reorged: false), DateTimeOffset.UtcNow);

    private static JsonElement Entry(LedgerRecord record) => JsonDocument.Parse(record.Write.Entry).RootElement;
}
