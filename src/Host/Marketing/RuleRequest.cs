namespace Commerce.Host.Marketing;

public sealed record RuleRequest(string? Rule);
