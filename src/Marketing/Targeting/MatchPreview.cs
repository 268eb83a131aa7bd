namespace Commerce.Marketing.Targeting;

/// <summary>How many players a rule matches now, of how many, with a few of their wallets.</summary>
public sealed record MatchPreview(int Matching, int Players, IReadOnlyList<string> Sample, int Failed);
