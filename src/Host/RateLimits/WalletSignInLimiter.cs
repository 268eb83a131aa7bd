using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Commerce.Host.RateLimits;

/// <summary>
/// Sign-in challenges per wallet (<c>RateLimits:SignIn:PerPlayer</c> a window): the wallet is in the body, which the
/// rate-limiting middleware does not read, so the challenge endpoint asks this limiter itself.
/// </summary>
public sealed class WalletSignInLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(wallet =>
        options.Value.SignIn.PerPlayer <= 0
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(wallet, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.SignIn.PerPlayer,
                Window = options.Value.Window,
                QueueLimit = 0,
            }));

    /// <summary>Null when <paramref name="wallet"/> may have another challenge; else the 429 to answer.</summary>
    public IResult? Refusal(HttpContext http, string wallet)
    {
        using var lease = _limiter.AttemptAcquire(wallet.ToLowerInvariant());
        if (lease.IsAcquired)
            return null;
        var seconds = Math.Max(1, (int)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : options.Value.Window).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"{RateLimitGroup.SignIn}: at most {options.Value.SignIn.PerPlayer} challenges per wallet every {options.Value.Window.TotalSeconds:0} s; retry after {seconds} s",
            extensions: new Dictionary<string, object?> { ["limit"] = RateLimitGroup.SignIn });
    }

    public void Dispose() => _limiter.Dispose();
}
