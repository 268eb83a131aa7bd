namespace Commerce.Host.Marketing;

/// <summary>The failed wallets to mint again; none: all of the campaign's failed wallets.</summary>
public sealed record RetryRequest(IReadOnlyList<string>? Wallets);
