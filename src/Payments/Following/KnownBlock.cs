namespace Commerce.Payments.Watcher;

/// <summary>A block the watcher scanned or saw a log in, by number and hash: what a reorg is detected against.</summary>
public sealed record KnownBlock(ulong Number, string Hash);
