using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Commerce.Chain.JsonRpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP POST. Transient failures (HTTP 429 and 5xx, connection errors,
/// attempt timeouts) are retried with exponential backoff and jitter, honouring Retry-After;
/// JSON-RPC error objects are not retried and surface as <see cref="JsonRpcException"/>.
/// Thread-safe: share one instance per endpoint.
/// </summary>
public sealed class JsonRpcClient
{
    private static readonly ResiliencePropertyKey<string> MethodKey = new("commerce.jsonrpc.method");
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly JsonRpcClientOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private long _nextId;

    public JsonRpcClient(HttpClient http, JsonRpcClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _options = options;
        _pipeline = BuildPipeline(options, timeProvider ?? TimeProvider.System);
    }

    public Uri Endpoint => _options.Endpoint!;

    /// <summary>Sends one call and reads its result.</summary>
    public async Task<T> SendAsync<T>(RpcCall<T> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var id = NextId();
        var body = WriteRequests([(id, call.Method, call.Params)], asBatch: false);
        using var document = await PostAsync(call.Method, body, cancellationToken).ConfigureAwait(false);
        return ReadResult(call, document.RootElement);
    }

    /// <summary>Sends any method; the result comes back as raw JSON.</summary>
    public Task<JsonElement> SendAsync(string method, JsonArray parameters, CancellationToken cancellationToken = default) =>
        SendAsync(new RpcCall<JsonElement>(method, parameters, result => result.Clone()), cancellationToken);

    /// <summary>A batch: add calls, then send them in one HTTP request.</summary>
    public JsonRpcBatch CreateBatch() => new(this);

    internal long NextId() => Interlocked.Increment(ref _nextId);

    internal static T ReadResult<T>(RpcCall<T> call, JsonElement response)
    {
        if (response.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{call.Method}: the response is not a JSON-RPC object");
        if (response.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            throw ToException(call.Method, error);
        if (!response.TryGetProperty("result", out var result))
            throw new InvalidDataException($"{call.Method}: the response has neither a result nor an error");
        try
        {
            return call.ReadResult(result);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{call.Method}: unexpected result ({e.Message})", e);
        }
    }

    internal static JsonRpcException ToException(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var value) ? value : 0;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
        JsonElement? data = error.TryGetProperty("data", out var d) ? d.Clone() : null;
        return new JsonRpcException(method, code, message, data);
    }

    internal static byte[] WriteRequests(IReadOnlyList<(long Id, string Method, JsonArray Params)> requests, bool asBatch)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (asBatch)
                writer.WriteStartArray();
            foreach (var (id, method, parameters) in requests)
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writer.WriteNumber("id", id);
                writer.WriteString("method", method);
                writer.WritePropertyName("params");
                parameters.WriteTo(writer);
                writer.WriteEndObject();
            }
            if (asBatch)
                writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    internal async Task<JsonDocument> PostAsync(string label, byte[] body, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, label);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Client.PostOnceAsync(state.Body, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Client: this, Body: body)).ConfigureAwait(false);
        }
        catch (RpcHttpStatusException e)
        {
            throw new HttpRequestException($"{label}: {e.Message} on each of {_options.MaxRetries + 1} attempts", e, e.StatusCode);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"{label}: no answer from the node within {_options.AttemptTimeout} on each of {_options.MaxRetries + 1} attempts", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<JsonDocument> PostOnceAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonMediaType;
        using var response = await _http.PostAsync(_options.Endpoint, content, cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        if (status == HttpStatusCode.TooManyRequests || (int)status >= 500)
            throw new RpcHttpStatusException(status, RetryAfter(response));
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            response.EnsureSuccessStatusCode();
            throw new InvalidDataException("the JSON-RPC endpoint did not answer with JSON", e);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    private static ResiliencePipeline BuildPipeline(JsonRpcClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is RpcHttpStatusException { RetryAfter: { } after }
                        ? (TimeSpan?)(after < options.MaxDelay ? after : options.MaxDelay)
                        : null),
                OnRetry = args =>
                {
                    options.OnRetry?.Invoke(new JsonRpcRetry(
                        args.Context.Properties.GetValue(MethodKey, "?"),
                        args.AttemptNumber + 1,
                        args.RetryDelay,
                        args.Outcome.Exception?.Message ?? "unknown"));
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private static bool IsTransient(Exception? exception) => exception switch
    {
        RpcHttpStatusException => true,
        HttpRequestException { StatusCode: null } => true,
        TimeoutRejectedException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };
}
