using System.Text.Json;
using Commerce.Connectors.Marketplaces.Callbacks;
using Commerce.Connectors.Tests.Support;
using Commerce.Connectors.Webhooks;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Commerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Tests.Marketplaces;

/// <summary>
/// The sale callbacks relay against an embedded Kafka cluster and two real HTTP receivers: each ItemSold on the item
/// topic reaches every marketplace with a callback URL, signed with its secret, under one webhook id per sale and
/// marketplace, and is sent again until delivered.
/// </summary>
public sealed class SaleCallbackRelayTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset At = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private const string Owner = "0xAaAaaAaaAaAaAaaAaAAAAAAAAaaaAaAaAaaAaaAa";
    private const string OrderId = "0x1111111111111111111111111111111111111111111111111111111111111111";

    [Fact]
    public async Task Each_sale_reaches_every_marketplace_with_a_callback_url_signed_under_one_id_and_is_sent_again_until_delivered()
    {
        await using var opensea = await CallbackReceiver.StartAsync();
        await using var blur = await CallbackReceiver.StartAsync();
        // OpenSea is down for the first three attempts: longer than one delivery's retries (MaxRetries 1), so the batch
        // itself is retried by the consumer; blur answers at once and must not hear of the sale twice.
        opensea.Respond = (attempt, context) =>
        {
            context.Response.StatusCode = attempt < 3 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        };
        var openseaSecret = WebhookSecret.Generate();
        var blurSecret = WebhookSecret.Generate();
        using var kafka = new KafkaConnection(Options.Create(new KafkaOptions { EmbeddedBrokers = 1 }));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Marketplaces:opensea:Secrets:0"] = WebhookSecret.Generate().Serialize(),
            ["Marketplaces:opensea:CallbackUrl"] = opensea.Url.ToString(),
            ["Marketplaces:opensea:CallbackSecrets:0"] = openseaSecret.Serialize(),
            ["Marketplaces:blur:Secrets:0"] = WebhookSecret.Generate().Serialize(),
            ["Marketplaces:blur:CallbackUrl"] = blur.Url.ToString(),
            ["Marketplaces:blur:CallbackSecrets:0"] = blurSecret.Serialize(),
            ["Marketplaces:magiceden:Secrets:0"] = WebhookSecret.Generate().Serialize(), // no callback URL: told nothing
            ["Webhooks:Sending:MaxRetries"] = "1",
            ["Webhooks:Sending:BaseDelay"] = "00:00:00.05",
        });
        builder.Services.AddSingleton(kafka);
        builder.Services.AddSingleton<EventProducer>();
        builder.Services.AddMarketplaceConnectors(builder.Configuration);
        builder.Services.AddSaleCallbackRelay();
        using var host = builder.Build();
        await host.StartAsync();
        var relay = host.Services.GetRequiredService<SaleCallbackRelay>();
        Assert.Equal(["blur", "opensea"], relay.Recipients.Select(m => m.Name));

        var producer = host.Services.GetRequiredService<EventProducer>();
        var sale = EventEnvelope.Create("dragons:3", new ItemSold("dragons:3", OrderId, Owner, Minted: true), At);
        await producer.PublishAsync(TopicCatalog.ItemEvents, EventEnvelope.Create("dragons:3", new ItemInterestRegistered("dragons:3", "p1", 3, At), At));
        await producer.PublishAsync(TopicCatalog.ItemEvents, sale);

        var counters = host.Services.GetRequiredService<SaleCallbackCounters>();
        await Eventually.Until(() => counters.DeliveredTo("opensea") == 1, Deadline,
            () => $"the sale delivered to opensea after its outage; opensea saw {opensea.Received.Count} requests, blur {blur.Received.Count}");

        Assert.Equal(4, opensea.Received.Count); // three refused, the fourth delivered
        Assert.True(counters.FailedTo("opensea") >= 1, "the outage outlasted one delivery's retries, so the batch was retried");
        Assert.Single(blur.Received); // delivered once: the batch's retries do not send it again
        AssertSignedCallback(opensea.Received, openseaSecret, SaleCallback.WebhookIdOf(sale.Id, "opensea"));
        AssertSignedCallback(blur.Received, blurSecret, SaleCallback.WebhookIdOf(sale.Id, "blur"));
        Assert.NotEqual(SaleCallback.WebhookIdOf(sale.Id, "opensea"), SaleCallback.WebhookIdOf(sale.Id, "blur"));
        await host.StopAsync();
    }

    private static void AssertSignedCallback(IEnumerable<ReceivedWebhook> received, WebhookSecret secret, string expectedId)
    {
        foreach (var request in received)
        {
            Assert.Equal(expectedId, request.Id); // the same id on every attempt: the receiver's idempotency key
            Assert.True(new WebhookVerifier([secret]).Verify(request.Id, request.Timestamp, request.Signature, request.Body).IsValid,
                "each attempt is signed with the marketplace's callback secret");
            var body = JsonDocument.Parse(request.Body).RootElement;
            Assert.Equal(SaleCallback.ItemSoldType, body.GetProperty("type").GetString());
            Assert.Equal(At, body.GetProperty("timestamp").GetDateTimeOffset());
            var data = body.GetProperty("data");
            Assert.Equal(("dragons:3", "dragons", "3", OrderId, Owner, true),
                (data.GetProperty("itemId").GetString(), data.GetProperty("collection").GetString(), data.GetProperty("tokenId").GetString(),
                 data.GetProperty("orderId").GetString(), data.GetProperty("owner").GetString(), data.GetProperty("minted").GetBoolean()));
        }
    }
}
