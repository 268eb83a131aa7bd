using System.Collections.Concurrent;
using System.Diagnostics;
using Commerce.Connectors.Webhooks;
using Commerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Commerce.Connectors.Tests.Support;

/// <summary>
/// A real Kestrel receiver on a free loopback port. POST /hooks records each request and answers
/// with what <see cref="Respond"/> says for that attempt (0 for the first); POST /elsewhere only counts.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _elsewhere;

    private CallbackReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int ElsewhereHits => Volatile.Read(ref _elsewhere);

    public Func<int, HttpContext, Task> Respond { get; set; } = (_, context) =>
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    };

    public static async Task<CallbackReceiver> StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app, new Uri($"{baseUrl}/hooks"));
        app.MapPost("/hooks", receiver.HandleAsync);
        app.MapPost("/elsewhere", () => Interlocked.Increment(ref receiver._elsewhere));
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers;
        var attempt = Received.Count;
        Received.Enqueue(new ReceivedWebhook(Stopwatch.GetTimestamp(), headers[WebhookHeaderNames.Id], headers[WebhookHeaderNames.Timestamp],
            headers[WebhookHeaderNames.Signature], body.ToArray(), context.Request.ContentType));
        await Respond(attempt, context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
