using System.Text.Json;
using Commerce.Actors.Ledger;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Testing;

namespace Commerce.Actors.Tests;

/// <summary>Grains record money and NFT movements in the hash-chained ledger (decision D9), once each.</summary>
public sealed class LedgerRecordingTests
{
    [Fact]
    public async Task A_paid_order_records_the_payment_and_the_mint_once_even_when_the_payment_is_redelivered()
    {
        using var db = new TempDatabase();
        await using var runtime = await RuntimeHarness.StartAsync(null, "sqlite", db.ConnectionString);
        await runtime.Producer.PublishAsync(TopicCatalog.ItemEvents, "dragons:7", new ItemListed("dragons:7", "dragons", "7", "legendary", 1, 1, 2.5m, "ETH", null));
        var wallet = "0x7777777777777777777777777777777777777777";
        var orderId = "0x" + new string('7', 64);
        var quote = new OrderQuote("0x0000000000000000000000000000000000000000", "7", wallet, "0x0000000000000000000000000000000000000000",
            "2500", 1, DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(), orderId);
        await runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, orderId, new OrderPlaced(orderId, wallet, wallet, "dragons:7", quote, "0xsig", "eth", "k-7"));
        await GrainRuntimeTests.WaitForStateAsync(runtime, OrderGrain.TypeName, orderId, GrainJsonContext.Default.OrderState, s => s.Status == OrderStatus.Reserved);

        var unconfirmed = EventEnvelope.Create(orderId,
            new PaymentObserved(orderId, "Purchased", wallet, "2500", "2500", null, "0xtx7", 3, 10, "0xb10", Confirmed: false, Reorged: false), DateTimeOffset.UtcNow);
        var confirmed = EventEnvelope.Create(orderId,
            new PaymentObserved(orderId, "Purchased", wallet, "2500", "2500", null, "0xtx7", 3, 10, "0xb10", Confirmed: true, Reorged: false), DateTimeOffset.UtcNow);
        await runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, unconfirmed);
        await runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, confirmed);
        await runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, confirmed); // the watcher's at-least-once delivery
        await GrainRuntimeTests.WaitForStateAsync(runtime, OrderGrain.TypeName, orderId, GrainJsonContext.Default.OrderState, s => s.Status == OrderStatus.Completed);

        // A marker for the same order after the duplicate: once it is applied, the duplicate was seen too.
        await runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, orderId, new OrderTimedOut(orderId, "marker"));
        await GrainRuntimeTests.WaitForStateAsync(runtime, OrderGrain.TypeName, orderId, GrainJsonContext.Default.OrderState,
            s => s.History.Any(h => h.Event == nameof(OrderTimedOut)));
        IReadOnlyList<LedgerRecord> entries = [];
        await Eventually.Until(async () => (entries = await runtime.Store.ReadLedgerAsync(0, 100, CancellationToken.None)).Count >= 2,
            TimeSpan.FromSeconds(20), () => $"a payment entry and a mint entry in the ledger, found {entries.Count}");

        var kinds = entries.Select(e => JsonDocument.Parse(e.Write.Entry).RootElement.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["nft.minted", "payment.Purchased"], kinds.Order());
        var payment = JsonDocument.Parse(entries.Single(e => e.Write.GrainType == OrderGrain.TypeName).Write.Entry).RootElement;
        Assert.Equal("2500", payment.GetProperty("amount").GetString());
        Assert.Equal(wallet, payment.GetProperty("from").GetString());
        Assert.Equal("0xtx7:3", payment.GetProperty("reference").GetString());
        var mint = JsonDocument.Parse(entries.Single(e => e.Write.Key == "dragons:7").Write.Entry).RootElement;
        Assert.Equal(wallet, mint.GetProperty("to").GetString());
        Assert.Equal("7", mint.GetProperty("amount").GetString());
        var verification = await LedgerVerifier.VerifyAsync(runtime.Store, CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(2, verification.Entries);
    }
}
