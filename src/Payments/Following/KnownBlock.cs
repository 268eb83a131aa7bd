namespace Commerce.Payments.Following;

/// <summary>A block a follower scanned or saw an observation in, by number and hash: what a reorg is detected against.</summary>
public sealed record KnownBlock(ulong Number, string Hash);
