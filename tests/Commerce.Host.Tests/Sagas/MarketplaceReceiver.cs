using System.Collections.Concurrent;
using Commerce.Connectors.Webhooks;
using Commerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Commerce.Host.Tests.Sagas;

/// <summary>
/// A marketplace's callback endpoint (Standard Webhooks), a real Kestrel server on a free loopback port: it checks each
/// callback's signature with the marketplace's secret and keeps the verified ones; a bad signature is answered 401.
/// </summary>
public sealed class MarketplaceReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebhookVerifier _verifier;

    private MarketplaceReceiver(WebApplication app, Uri url, WebhookSecret secret)
    {
        _app = app;
        Url = url;
        Secret = secret;
        _verifier = new WebhookVerifier([secret]);
    }

    public Uri Url { get; }

    public WebhookSecret Secret { get; }

    /// <summary>Verified callbacks: the webhook id and the body.</summary>
    public ConcurrentQueue<(string Id, byte[] Body)> Received { get; } = new();

    public static async Task<MarketplaceReceiver> StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new MarketplaceReceiver(app, new Uri($"{baseUrl}/callbacks"), WebhookSecret.Generate());
        app.MapPost("/callbacks", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers;
        var verification = _verifier.Verify(headers[WebhookHeaderNames.Id], headers[WebhookHeaderNames.Timestamp], headers[WebhookHeaderNames.Signature], body.ToArray());
        if (!verification.IsValid)
            return Results.Unauthorized();
        Received.Enqueue((headers[WebhookHeaderNames.Id].ToString(), body.ToArray()));
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
