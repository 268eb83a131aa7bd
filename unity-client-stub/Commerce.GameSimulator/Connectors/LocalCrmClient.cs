using System.Net.Http.Json;
using System.Text.Json;

namespace Commerce.GameSimulator.Connectors;

/// <summary>
/// The game studio's side of the CRM in the demo: it adds each simulated player's account, with its wallet and a loyalty
/// tier, to the platform's local CRM through that CRM's REST API (OAuth 2.0 client credentials, then sobjects create),
/// as the studio's own systems would in a real org. The platform's CRM connector then sees the change event.
/// </summary>
public sealed class LocalCrmClient(HttpClient http, Uri crm, string clientId = "local-crm-client", string clientSecret = "local-crm-secret")
{
    private static readonly string[] Tiers = ["Bronze", "Silver", "Gold", "Platinum"];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;

    /// <summary>The tier the demo gives player <paramref name="number"/>.</summary>
    public static string TierOf(int number) => Tiers[(number + 2) % Tiers.Length];

    public async Task AddPlayerAsync(string wallet, string tier, decimal lifetimeValue, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(crm, "/services/data/v62.0/sobjects/Account"))
        {
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["Name"] = $"Player {wallet[..10]}",
                ["Wallet_Address__c"] = wallet,
                ["Loyalty_Tier__c"] = tier,
                ["Lifetime_Value__c"] = lifetimeValue,
            }),
        };
        request.Headers.Authorization = new("Bearer", await TokenAsync(ct));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    private async Task<string> TokenAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_token is not null)
                return _token;
            using var response = await http.PostAsync(new Uri(crm, "/services/oauth2/token"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
            }), ct);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return _token = json.RootElement.GetProperty("access_token").GetString()!;
        }
        finally
        {
            _gate.Release();
        }
    }
}
