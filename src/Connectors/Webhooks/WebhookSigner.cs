using System.Globalization;
using System.Text;

namespace Commerce.Connectors.Webhooks;

/// <summary>
/// Signs webhooks the Standard Webhooks way: "v1," + base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}")),
/// one signature per secret, space-separated (several secrets during a rotation).
/// </summary>
public sealed class WebhookSigner
{
    public const string Version = "v1";

    private readonly WebhookSecret[] _secrets;

    public WebhookSigner(IEnumerable<WebhookSecret> secrets)
    {
        _secrets = secrets.ToArray();
        if (_secrets.Length == 0)
            throw new ArgumentException("at least one secret is needed to sign", nameof(secrets));
    }

    public WebhookSigner(WebhookSecret secret) : this([secret])
    {
    }

    /// <summary>The headers of one attempt made at <paramref name="timestamp"/> (whole seconds are signed).</summary>
    public WebhookHeaders Sign(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        Sign(id, timestamp.ToUnixTimeSeconds(), body);

    public WebhookHeaders Sign(string id, long unixSeconds, ReadOnlySpan<byte> body)
    {
        if (WebhookId.Problem(id) is { } problem)
            throw new ArgumentException($"webhook id {problem}", nameof(id));
        ArgumentOutOfRangeException.ThrowIfNegative(unixSeconds);
        var signatures = new string[_secrets.Length];
        for (var i = 0; i < _secrets.Length; i++)
            signatures[i] = Signature(_secrets[i], id, unixSeconds, body);
        return new WebhookHeaders(id, unixSeconds, string.Join(' ', signatures));
    }

    /// <summary>One "v1,base64" signature.</summary>
    public static string Signature(WebhookSecret secret, string id, long unixSeconds, ReadOnlySpan<byte> body) =>
        Version + "," + Convert.ToBase64String(Hmac(secret, id, unixSeconds.ToString(CultureInfo.InvariantCulture), body));

    internal static byte[] Hmac(WebhookSecret secret, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = secret.CreateHmac();
        hmac.AppendData(Encoding.UTF8.GetBytes(id));
        hmac.AppendData("."u8);
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
