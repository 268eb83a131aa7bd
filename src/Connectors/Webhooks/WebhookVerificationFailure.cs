namespace Commerce.Connectors.Webhooks;

/// <summary>Why a webhook was not accepted as authentic.</summary>
public enum WebhookVerificationFailure
{
    MissingId,
    InvalidId,
    MissingTimestamp,
    InvalidTimestamp,
    TimestampTooOld,
    TimestampTooNew,
    MissingSignature,
    NoSupportedSignature,
    SignatureMismatch,
}
