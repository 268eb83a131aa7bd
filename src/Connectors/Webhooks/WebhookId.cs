using System.Security.Cryptography;

namespace Commerce.Connectors.Webhooks;

/// <summary>
/// Message ids. The spec forbids a "." in them (the signed content is "id.timestamp.body"); we also
/// refuse whitespace and control characters and cap the length, since ids become dedupe keys.
/// </summary>
public static class WebhookId
{
    public const int MaxLength = 256;

    /// <summary>A new id: "msg_" followed by 24 random base64url characters (144 bits).</summary>
    public static string New() => "msg_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    /// <summary>Null when <paramref name="id"/> is usable, otherwise what is wrong with it.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return "is empty";
        if (id.Length > MaxLength)
            return $"is longer than {MaxLength} characters";
        foreach (var c in id)
        {
            if (c == '.')
                return "contains '.'";
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                return "contains whitespace or a control character";
        }
        return null;
    }
}
