using System.Collections.Concurrent;
using System.Text.Json;
using Commerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Commerce.Conversation.Tests.Clu;

/// <summary>
/// A local server speaking CLU's analyze-conversations protocol over Kestrel on a loopback port: each request is
/// recorded and answered by the next scripted answer (the last one repeats).
/// </summary>
public sealed class FakeCluServer : IAsyncDisposable
{
    public const string Key = "test-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private Func<HttpContext, Task>? _last;

    private FakeCluServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeCluServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new FakeCluServer(app) { Endpoint = new Uri($"http://127.0.0.1:{port}") };
        app.MapPost("/language/:analyze-conversations", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>The answers of the next requests, in order; the last one answers every request after it.</summary>
    public FakeCluServer Answer(params Func<HttpContext, Task>[] answers)
    {
        foreach (var answer in answers)
            _script.Enqueue(answer);
        return this;
    }

    public static Func<HttpContext, Task> Json(int status, string body, params (string Name, string Value)[] headers) => async context =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
            context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    };

    public static Func<HttpContext, Task> Error(int status, string code, params (string Name, string Value)[] headers) =>
        Json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"scripted " + status + "\"}}", headers);

    /// <summary>Never answers: holds the request until the client gives up on it.</summary>
    public static Func<HttpContext, Task> Hang() => async context =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    };

    public static string Prediction(string topIntent, string intents, string entities) =>
        """{"kind":"ConversationResult","result":{"query":"q","prediction":{"projectKind":"Conversation","topIntent":""" + "\"" + topIntent
        + "\",\"intents\":" + intents + ",\"entities\":" + entities + "}}}";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        Requests.Enqueue(new RecordedRequest(context.Request.Path + context.Request.QueryString, context.Request.Headers["Ocp-Apim-Subscription-Key"].ToString(),
            body.RootElement.Clone()));
        if (_script.TryDequeue(out var next))
            _last = next;
        await (_last ?? Error(500, "NotScripted"))(context);
    }

    public sealed record RecordedRequest(string PathAndQuery, string Key, JsonElement Body);
}
