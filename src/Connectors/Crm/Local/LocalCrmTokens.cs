using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Commerce.Connectors.Crm.Local;

/// <summary>The local CRM's access tokens: issued for the configured client credentials, valid until <see cref="ExpireAll"/> (as a real org's sessions end).</summary>
public sealed class LocalCrmTokens(string clientId, string clientSecret)
{
    private readonly ConcurrentDictionary<string, bool> _valid = new(StringComparer.Ordinal);
    private long _issued;

    public long Issued => Interlocked.Read(ref _issued);

    public string? Issue(string? id, string? secret)
    {
        if (!FixedEquals(id, clientId) || !FixedEquals(secret, clientSecret))
            return null;
        var token = "00DLOCAL!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        _valid[token] = true;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool IsValid(string? token) => token is not null && _valid.ContainsKey(token);

    public void ExpireAll() => _valid.Clear();

    private static bool FixedEquals(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));
}
