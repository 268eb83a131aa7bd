using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Commerce.Connectors.Webhooks.Sending;

/// <summary>
/// The typed HttpClient behind <see cref="IWebhookSender"/>. Each attempt is a new request signed at
/// its own time; retries (exponential backoff with jitter, or the receiver's Retry-After) follow a
/// connection error, an attempt timeout, 408, 429 or a 5xx. Redirects are not followed (the spec
/// counts a 3xx as a failure) and other statuses end the delivery at once.
/// </summary>
public sealed partial class WebhookSender : IWebhookSender
{
    private static readonly ResiliencePropertyKey<Delivery> DeliveryKey = new("commerce.webhook-delivery");
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly WebhookSenderOptions _options;
    private readonly ILogger<WebhookSender> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public WebhookSender(HttpClient http, IOptions<WebhookSenderOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
    {
        _http = http;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _pipeline = BuildPipeline();
    }

    public async Task<WebhookDeliveryResult> SendAsync(WebhookDestination destination, string webhookId, ReadOnlyMemory<byte> body, CancellationToken ct = default)
    {
        if (WebhookId.Problem(webhookId) is { } problem)
            throw new ArgumentException($"webhook id {problem}", nameof(webhookId));
        var delivery = new Delivery(destination, webhookId, body, new WebhookSigner(destination.Secrets));
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(DeliveryKey, delivery);
        try
        {
            using var response = await _pipeline.ExecuteAsync(static (context, self) => self.AttemptAsync(context), context, this);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new WebhookDeliveryResult(true, delivery.Attempts, status, null);
            var error = IsTransient(response.StatusCode) && delivery.Attempts <= _options.MaxRetries
                ? $"the receiver answered {status} and asked to retry after more than {_options.MaxRetryAfter}"
                : $"the receiver answered {status}";
            LogFailed(destination.Url, webhookId, delivery.Attempts, error);
            return new WebhookDeliveryResult(false, delivery.Attempts, status, error);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            var error = ex is TimeoutRejectedException ? $"no answer within {_options.AttemptTimeout}" : ex.Message;
            LogFailed(destination.Url, webhookId, delivery.Attempts, error);
            return new WebhookDeliveryResult(false, delivery.Attempts, null, error);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(ResilienceContext context)
    {
        var delivery = context.Properties.GetValue(DeliveryKey, null!);
        Interlocked.Increment(ref delivery.Attempts);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Destination.Url)
        {
            Content = new ReadOnlyMemoryContent(delivery.Body) { Headers = { ContentType = Json } },
        };
        delivery.Signer.Sign(delivery.Id, _clock.GetUtcNow(), delivery.Body.Span).ApplyTo(request);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.From(response.Headers, _clock.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    var delivery = args.Context.Properties.GetValue(DeliveryKey, null!);
                    var why = args.Outcome.Result is { } response ? $"status {(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    LogRetrying(delivery.Destination.Url, delivery.Id, args.AttemptNumber + 1, why, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(_options.AttemptTimeout);
        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode)
            && !(RetryAfter.From(response.Headers, _clock.GetUtcNow()) > _options.MaxRetryAfter),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} to {Url}: attempt {Attempt} failed ({Why}), retrying in {Delay}")]
    private partial void LogRetrying(Uri url, string webhookId, int attempt, string why, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {WebhookId} to {Url} not delivered after {Attempts} attempts: {Error}")]
    private partial void LogFailed(Uri url, string webhookId, int attempts, string error);

    private sealed class Delivery(WebhookDestination destination, string id, ReadOnlyMemory<byte> body, WebhookSigner signer)
    {
        public int Attempts;

        public WebhookDestination Destination { get; } = destination;

        public string Id { get; } = id;

        public ReadOnlyMemory<byte> Body { get; } = body;

        public WebhookSigner Signer { get; } = signer;
    }
}
