using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.Crm.Configuration;

/// <summary>
/// The "Crm" section: the Salesforce-shaped CRM the loyalty of players comes from. <see cref="Mode"/> Local (the
/// embedded default) serves a seeded CRM in process and reads it through the same clients; Live reads a real org.
/// </summary>
public sealed class CrmOptions
{
    public const string Section = "Crm";

    public ConnectorMode Mode { get; set; } = ConnectorMode.Local;

    /// <summary>Where the token endpoint is (https://login.salesforce.com or the org's My Domain). Live: required.</summary>
    public string? LoginUrl { get; set; }

    /// <summary>The org's REST and streaming base URL until a token names its own instance_url. Live: required.</summary>
    public string? InstanceUrl { get; set; }

    /// <summary>The connected app's consumer key and secret (client credentials flow). Live: required.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The REST/Streaming API version ("62.0").</summary>
    public string ApiVersion { get; set; } = "62.0";

    /// <summary>The object whose records carry players' loyalty, and its change channel.</summary>
    public string Entity { get; set; } = "Account";

    /// <summary>Custom fields of <see cref="Entity"/>: the player's wallet (the player id), the tier, the lifetime value.</summary>
    public string WalletField { get; set; } = "Wallet_Address__c";

    public string TierField { get; set; } = "Loyalty_Tier__c";

    public string LifetimeValueField { get; set; } = "Lifetime_Value__c";

    /// <summary>Rows per SOQL page asked for (the API answers 200 to 2,000).</summary>
    public int QueryBatchSize { get; set; } = 2_000;

    /// <summary>Accounts whose wallet, tier and value are kept in memory to complete an UPDATE event's changed fields.</summary>
    public int KnownAccounts { get; set; } = 500_000;

    /// <summary>One attempt's limit for REST calls; a streaming long poll may last <see cref="LongPollTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(130);

    public int MaxRetries { get; set; } = 4;

    public IngestionOptions Ingestion { get; set; } = new() { RequestsPerSecond = 25 };

    public LocalCrmOptions Local { get; set; } = new();

    public string ChangeChannel => $"/data/{ChangeEntity}";

    public string ChangeEntity => Entity.EndsWith("__c", StringComparison.Ordinal) ? Entity[..^3] + "__ChangeEvent" : Entity + "ChangeEvent";
}
