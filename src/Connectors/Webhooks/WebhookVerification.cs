namespace Commerce.Connectors.Webhooks;

/// <summary>The outcome of <see cref="WebhookVerifier.Verify"/>: the authenticated id and timestamp, or why not.</summary>
public sealed record WebhookVerification(bool IsValid, string? Id, DateTimeOffset? Timestamp, WebhookVerificationFailure? Failure, string? Reason)
{
    public static WebhookVerification Valid(string id, DateTimeOffset timestamp) => new(true, id, timestamp, null, null);

    public static WebhookVerification Invalid(WebhookVerificationFailure failure, string reason) => new(false, null, null, failure, reason);
}
