using System.Globalization;
using System.Security.Cryptography;

namespace Commerce.Connectors.Webhooks;

/// <summary>
/// Checks a received webhook: the id, a timestamp within the tolerance of now (both ways, against
/// replays), and at least one "v1" signature in the space-separated header that matches one of the
/// secrets (several during a rotation), compared in constant time. Other versions (v1a, ...) are skipped.
/// </summary>
public sealed class WebhookVerifier
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private readonly WebhookSecret[] _secrets;
    private readonly TimeProvider _clock;
    private readonly long _toleranceSeconds;

    public WebhookVerifier(IEnumerable<WebhookSecret> secrets, TimeProvider? clock = null, TimeSpan? tolerance = null)
    {
        _secrets = secrets.ToArray();
        if (_secrets.Length == 0)
            throw new ArgumentException("at least one secret is needed to verify", nameof(secrets));
        _clock = clock ?? TimeProvider.System;
        var window = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero, nameof(tolerance));
        _toleranceSeconds = (long)window.TotalSeconds;
    }

    public TimeSpan Tolerance => TimeSpan.FromSeconds(_toleranceSeconds);

    public WebhookVerification Verify(string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(id))
            return WebhookVerification.Invalid(WebhookVerificationFailure.MissingId, $"the {WebhookHeaderNames.Id} header is missing");
        if (WebhookId.Problem(id) is { } idProblem)
            return WebhookVerification.Invalid(WebhookVerificationFailure.InvalidId, $"the {WebhookHeaderNames.Id} header {idProblem}");

        if (string.IsNullOrEmpty(timestamp))
            return WebhookVerification.Invalid(WebhookVerificationFailure.MissingTimestamp, $"the {WebhookHeaderNames.Timestamp} header is missing");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt) || sentAt > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return WebhookVerification.Invalid(WebhookVerificationFailure.InvalidTimestamp, $"the {WebhookHeaderNames.Timestamp} header is not integer Unix seconds");
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        if (now - sentAt > _toleranceSeconds)
            return WebhookVerification.Invalid(WebhookVerificationFailure.TimestampTooOld,
                $"the {WebhookHeaderNames.Timestamp} header is {now - sentAt} s old, more than the {_toleranceSeconds} s tolerated");
        if (sentAt - now > _toleranceSeconds)
            return WebhookVerification.Invalid(WebhookVerificationFailure.TimestampTooNew,
                $"the {WebhookHeaderNames.Timestamp} header is {sentAt - now} s in the future, more than the {_toleranceSeconds} s tolerated");

        if (string.IsNullOrWhiteSpace(signatures))
            return WebhookVerification.Invalid(WebhookVerificationFailure.MissingSignature, $"the {WebhookHeaderNames.Signature} header is missing");

        var expected = new byte[_secrets.Length][];
        for (var i = 0; i < _secrets.Length; i++)
            expected[i] = WebhookSigner.Hmac(_secrets[i], id, timestamp, body);

        var sawVersion = false;
        var matched = false;
        Span<byte> candidate = stackalloc byte[64];
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',');
            if (comma < 0 || !entry.AsSpan(0, comma).SequenceEqual(WebhookSigner.Version))
                continue;
            sawVersion = true;
            if (!Convert.TryFromBase64Chars(entry.AsSpan(comma + 1), candidate, out var length))
                continue;
            foreach (var hmac in expected)
                matched |= CryptographicOperations.FixedTimeEquals(candidate[..length], hmac);
        }
        if (matched)
            return WebhookVerification.Valid(id, DateTimeOffset.FromUnixTimeSeconds(sentAt));
        return sawVersion
            ? WebhookVerification.Invalid(WebhookVerificationFailure.SignatureMismatch, $"no {WebhookHeaderNames.Signature} matches the body, id and timestamp with a configured secret")
            : WebhookVerification.Invalid(WebhookVerificationFailure.NoSupportedSignature, $"the {WebhookHeaderNames.Signature} header has no {WebhookSigner.Version} signature");
    }
}
