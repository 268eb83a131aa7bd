using Commerce.Connectors.Crm.Api;

namespace Commerce.Connectors.Crm.Auth;

/// <summary>
/// The current access token (OAuth 2.0 client credentials), fetched on first use and again only after a call found it
/// invalid: several calls failing with the same token fetch one new token between them.
/// </summary>
public sealed class SalesforceTokenSource(ISalesforceTokenApi api, CrmCredentials credentials)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SalesforceToken? _current;
    private long _fetched;

    /// <summary>Tokens fetched since start.</summary>
    public long Fetched => Interlocked.Read(ref _fetched);

    public async Task<SalesforceToken> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _current) is { } token)
            return token;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } fetched)
                return fetched;
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = credentials.ClientId,
                ["client_secret"] = credentials.ClientSecret,
            };
            var answer = await api.RequestAsync(form, ct);
            if (string.IsNullOrEmpty(answer.AccessToken))
                throw new InvalidOperationException("the token endpoint answered without an access_token");
            Interlocked.Increment(ref _fetched);
            Volatile.Write(ref _current, answer);
            return answer;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> (unless another call already replaced it).</summary>
    public void Invalidate(SalesforceToken rejected) => Interlocked.CompareExchange(ref _current, null, rejected);
}
