namespace Commerce.Host.RateLimits;

/// <summary>Requests allowed per <see cref="RateLimitOptions.Window"/>: per player (its wallet) and per client IP; 0 means no limit of that kind.</summary>
public sealed class RateLimitRule
{
    public int PerPlayer { get; set; }

    public int PerIp { get; set; }
}
