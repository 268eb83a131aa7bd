using Commerce.Connectors.Marketplaces.Configuration;
using Commerce.Connectors.Marketplaces.Events;
using Commerce.Connectors.Webhooks;
using Commerce.Connectors.Webhooks.Dedupe;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Commerce.Connectors.Marketplaces.Api;

/// <summary>
/// One marketplace webhook, in this order: known marketplace, raw body within the size limit,
/// signature and timestamp verified on those exact bytes, webhook-id claimed (a duplicate is answered
/// 200 and not published again), body parsed, event published, id remembered. A failure after the
/// claim releases it, so the marketplace's retry is processed rather than called a duplicate.
/// </summary>
public sealed partial class MarketplaceWebhookHandler(
    MarketplaceDirectory marketplaces,
    IWebhookIdStore seen,
    EventProducer producer,
    IOptions<WebhookReceiverOptions> options,
    TimeProvider clock,
    ILogger<MarketplaceWebhookHandler> logger)
{
    private const string RetryAfterSeconds = "5";

    public async Task<IResult> HandleAsync(string marketplaceName, HttpContext context)
    {
        if (!marketplaces.TryGet(marketplaceName, out var marketplace))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown marketplace",
                detail: $"no marketplace named '{marketplaceName}' is configured");

        var maxBytes = options.Value.MaxBodyBytes;
        var body = await ReadBodyAsync(context.Request, maxBytes, context.RequestAborted);
        if (body is null)
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [$"is larger than {maxBytes} bytes"] })
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Webhook body too large",
                Detail = $"body: is larger than {maxBytes} bytes",
            });

        var headers = context.Request.Headers;
        var verification = RepeatedHeader(headers, WebhookHeaderNames.Id) is { } idProblem
            ? WebhookVerification.Invalid(WebhookVerificationFailure.InvalidId, idProblem)
            : RepeatedHeader(headers, WebhookHeaderNames.Timestamp) is { } timestampProblem
                ? WebhookVerification.Invalid(WebhookVerificationFailure.InvalidTimestamp, timestampProblem)
                : marketplace.Verifier.Verify(headers[WebhookHeaderNames.Id], headers[WebhookHeaderNames.Timestamp],
                    string.Join(' ', headers[WebhookHeaderNames.Signature].ToArray()), body);
        if (!verification.IsValid)
        {
            LogRefused(marketplace.Name, verification.Failure!.Value, verification.Reason!);
            return Unauthorized(verification);
        }

        var id = verification.Id!;
        switch (await seen.TryClaimAsync(marketplace.Name, id, context.RequestAborted))
        {
            case WebhookIdClaim.Duplicate:
                LogDuplicate(marketplace.Name, id);
                return TypedResults.Json(new MarketplaceWebhookReceipt(Duplicate: true), ConnectorsJsonContext.Default.MarketplaceWebhookReceipt);
            case WebhookIdClaim.InProgress:
                context.Response.Headers.RetryAfter = RetryAfterSeconds;
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Webhook already being processed",
                    detail: $"webhook {id} is being processed by another request; retry later");
        }

        try
        {
            if (!MarketplaceEventParser.TryParse(body, out var parsed, out var error))
            {
                await seen.ReleaseAsync(marketplace.Name, id, CancellationToken.None);
                LogUnreadable(marketplace.Name, id, error.Field, error.Message);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] },
                    title: "The webhook body is not valid", detail: $"{error.Field}: {error.Message}");
            }

            if (parsed.Payload is ItemListed listed && !marketplace.Collections.Contains(listed.Collection))
            {
                // A marketplace reports only on the collections it is configured for, never on the platform's own.
                await seen.ReleaseAsync(marketplace.Name, id, CancellationToken.None);
                LogUnreadable(marketplace.Name, id, "item.collection", $"'{listed.Collection}' is not a collection {marketplace.Name} may report on");
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Collection not allowed",
                    detail: $"item.collection: '{listed.Collection}' is not a collection {marketplace.Name} may report on",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["item.collection"] = [$"is not one of {marketplace.Name}'s collections"] } });
            }

            // The marketplace's own event time, but never ahead of this clock (a timestamp from the future is taken as now).
            var now = clock.GetUtcNow();
            var occurredAt = parsed.OccurredAt is { } at && at < now ? at : now;
            var envelope = EventEnvelope.Create(parsed.Key, parsed.Payload, occurredAt, $"{marketplace.Name}/{id}");
            // Not cancelled with the request: once handed to the producer the record may be delivered,
            // so the id is only remembered or released when the outcome is known.
            await producer.PublishAsync(parsed.Topic, envelope, CancellationToken.None);
            await seen.CompleteAsync(marketplace.Name, id, CancellationToken.None);
            LogPublished(marketplace.Name, id, envelope.Type, envelope.Key);
            return TypedResults.Json(new MarketplaceWebhookReceipt(Duplicate: false, envelope.Id), ConnectorsJsonContext.Default.MarketplaceWebhookReceipt);
        }
        catch (KafkaException ex)
        {
            await seen.ReleaseAsync(marketplace.Name, id, CancellationToken.None);
            LogPublishFailed(ex, marketplace.Name, id);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Event bus unavailable",
                detail: "the webhook was verified but could not be published; retry later");
        }
        catch
        {
            await seen.ReleaseAsync(marketplace.Name, id, CancellationToken.None);
            throw;
        }
    }

    private static IResult Unauthorized(WebhookVerification verification)
    {
        var header = verification.Failure switch
        {
            WebhookVerificationFailure.MissingId or WebhookVerificationFailure.InvalidId => WebhookHeaderNames.Id,
            WebhookVerificationFailure.MissingTimestamp or WebhookVerificationFailure.InvalidTimestamp
                or WebhookVerificationFailure.TimestampTooOld or WebhookVerificationFailure.TimestampTooNew => WebhookHeaderNames.Timestamp,
            _ => WebhookHeaderNames.Signature,
        };
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Webhook signature not accepted",
            detail: verification.Reason, extensions: new Dictionary<string, object?>
            {
                ["header"] = header,
                ["failure"] = verification.Failure.ToString(),
            });
    }

    /// <summary>Null when the header appears at most once; a repeated id or timestamp is ambiguous.</summary>
    private static string? RepeatedHeader(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out StringValues values) && values.Count > 1 ? $"the {name} header appears more than once" : null;

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook from {Marketplace}: {Failure} ({Reason})")]
    private partial void LogRefused(string marketplace, WebhookVerificationFailure failure, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId} from {Marketplace} was already processed")]
    private partial void LogDuplicate(string marketplace, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} from {Marketplace} has an invalid body: {Field} {Problem}")]
    private partial void LogUnreadable(string marketplace, string webhookId, string field, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {WebhookId} from {Marketplace} published {EventType} for {Key}")]
    private partial void LogPublished(string marketplace, string webhookId, string eventType, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {WebhookId} from {Marketplace} could not be published")]
    private partial void LogPublishFailed(Exception exception, string marketplace, string webhookId);
}
