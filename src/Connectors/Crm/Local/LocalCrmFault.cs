namespace Commerce.Connectors.Crm.Local;

/// <summary>A failure the local CRM answers one request with (tests): a status (with Retry-After and body), or a delay before answering normally.</summary>
public sealed record LocalCrmFault(int Status = 0, TimeSpan? RetryAfter = null, string? Body = null, TimeSpan? Delay = null);
