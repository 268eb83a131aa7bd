namespace Commerce.Connectors.Crm.Configuration;

/// <summary>"Crm:Local": the seeded CRM served in process in local mode.</summary>
public sealed class LocalCrmOptions
{
    /// <summary>Accounts and scripted changes (JSON); empty: the seed shipped with the platform.</summary>
    public string? SeedFile { get; set; }

    /// <summary>Loopback port of the local CRM's HTTP server (0: a free one).</summary>
    public int Port { get; set; }

    /// <summary>Client credentials the local CRM accepts (the simulator uses them to add its players' accounts).</summary>
    public string ClientId { get; set; } = "local-crm-client";

    public string ClientSecret { get; set; } = "local-crm-secret";

    /// <summary>Time between two scripted changes of the seed.</summary>
    public TimeSpan ChangeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a streaming long poll is held when there is nothing to deliver.</summary>
    public TimeSpan LongPollHold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Change events kept for replay (Salesforce keeps 72 hours of them).</summary>
    public int RetainedEvents { get; set; } = 1_000_000;
}
