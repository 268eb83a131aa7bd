using System.ComponentModel.DataAnnotations;

namespace Commerce.Host.RateLimits;

/// <summary>
/// Bound from "RateLimits" (docs/OPERATIONS.md). A player is its wallet (the player id is the wallet address), so the
/// per-player limit is the per-wallet one. Each group counts the requests of its endpoints (<see cref="RateLimitGroup"/>).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// False lifts the per-IP limits: only where many players come through one address you trust (the benchmarks run
    /// a thousand players on loopback). Behind a proxy, forward the client address instead.
    /// </summary>
    public bool PerIp { get; set; } = true;

    /// <summary>Challenges and sign-ins per IP; challenges per wallet (the address asked for) as <c>PerPlayer</c>.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PerPlayer = 20, PerIp = 60 };

    public RateLimitRule Interests { get; set; } = new() { PerPlayer = 120, PerIp = 2400 };

    public RateLimitRule Orders { get; set; } = new() { PerPlayer = 30, PerIp = 600 };

    /// <summary>Push WebSocket connects (opening one, not the frames on it).</summary>
    public RateLimitRule Pushes { get; set; } = new() { PerPlayer = 30, PerIp = 600 };

    /// <summary>NFT listings: a player's NFTs read from the chain, marketing's catalog listings, marketplaces' webhooks.</summary>
    public RateLimitRule Nfts { get; set; } = new() { PerPlayer = 60, PerIp = 1200 };

    /// <summary>Chat questions (<c>POST /api/me/chat</c>).</summary>
    public RateLimitRule Chat { get; set; } = new() { PerPlayer = 60, PerIp = 1200 };

    /// <summary>Auction bids and watch sockets opened.</summary>
    public RateLimitRule Bids { get; set; } = new() { PerPlayer = 600, PerIp = 12000 };

    /// <summary>Push sockets one wallet may hold open at once on one instance.</summary>
    [Range(1, 1000)]
    public int MaxPushSocketsPerWallet { get; set; } = 4;

    public RateLimitRule RuleOf(string group) => group switch
    {
        RateLimitGroup.SignIn => SignIn,
        RateLimitGroup.Interests => Interests,
        RateLimitGroup.Orders => Orders,
        RateLimitGroup.Pushes => Pushes,
        RateLimitGroup.Nfts => Nfts,
        RateLimitGroup.Chat => Chat,

        RateLimitGroup.Bids => Bids,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "no such rate-limit group"),
    };
}
