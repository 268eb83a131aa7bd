using System.Net;
using System.Text;
using Commerce.Connectors.Marketplaces.Callbacks;
using Commerce.Connectors.Webhooks;
using Commerce.Connectors.Webhooks.Sending;
using Commerce.Events.Items;
using Commerce.GameSimulator.Marketplace;
using Commerce.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Commerce.Sdk.Tests.Simulator;

/// <summary>The simulator's marketplace (what <c>./run demo</c> checks step 6 with) against the platform's own webhook sender.</summary>
public sealed class DemoMarketplaceTests
{
    private const string OrderId = "0x1111111111111111111111111111111111111111111111111111111111111111";

    [Fact]
    public async Task It_keeps_a_callback_the_platform_signed_once_per_webhook_id_and_refuses_a_tampered_or_foreign_one()
    {
        var secret = WebhookSecret.Generate();
        var port = FreePort.Next();
        await using var marketplace = DemoMarketplace.Start(port, secret.Serialize());
        using var http = new HttpClient();
        var sender = new WebhookSender(http, Options.Create(new WebhookSenderOptions { MaxRetries = 0 }), TimeProvider.System, NullLogger<WebhookSender>.Instance);
        var destination = new WebhookDestination(new Uri($"http://127.0.0.1:{port}/callbacks/"), [secret]);
        var body = SaleCallback.From(new ItemSold("dragons:3", OrderId, "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Minted: true), DateTimeOffset.UtcNow).ToJsonBytes();

        Assert.True((await sender.SendAsync(destination, "msg_sale1", body)).Delivered);
        Assert.True((await sender.SendAsync(destination, "msg_sale1", body)).Delivered); // a retry of the same callback
        Assert.Equal((1, 0), (marketplace.Received, marketplace.Refused));
        Assert.True(await marketplace.WaitForAsync([OrderId], TimeSpan.FromSeconds(5), CancellationToken.None));

        var foreign = await sender.SendAsync(destination with { Secrets = [WebhookSecret.Generate()] }, "msg_sale2", body);
        Assert.Equal(401, foreign.StatusCode);
        var headers = new WebhookSigner(secret).Sign("msg_sale3", DateTimeOffset.UtcNow, body);
        using var tampered = new HttpRequestMessage(HttpMethod.Post, destination.Url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("dragons:3", "dragons:4", StringComparison.Ordinal))),
        };
        tampered.Headers.Add(WebhookHeaderNames.Id, headers.Id);
        tampered.Headers.Add(WebhookHeaderNames.Timestamp, headers.TimestampText);
        tampered.Headers.Add(WebhookHeaderNames.Signature, headers.Signature);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(tampered)).StatusCode);
        Assert.Equal((1, 2), (marketplace.Received, marketplace.Refused));
    }
}
