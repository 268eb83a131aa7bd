namespace Commerce.Connectors.Crm.Auth;

/// <summary>The connected app's client credentials. <see cref="ToString"/> never shows the secret.</summary>
public sealed record CrmCredentials(string ClientId, string ClientSecret)
{
    public override string ToString() => $"CrmCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";
}
