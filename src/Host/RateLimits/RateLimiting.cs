using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Commerce.Host.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter, set up for the platform: two fixed-window limits chained (per client IP, then per
/// signed-in player) on the endpoints that carry a <see cref="RateLimitGroup"/>; a refusal is 429 with Retry-After and a
/// ProblemDetails naming the group and the limit.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, byIp: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, byIp: false)));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Counts the endpoint's requests against <paramref name="group"/>.</summary>
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder, string group) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitGroup(group));

    private static RateLimitPartition<string> Partition(HttpContext http, bool byIp)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RateLimitGroup>() is not { } group)
            return RateLimitPartition.GetNoLimiter("");
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var rule = options.RuleOf(group.Name);
        var (who, limit) = byIp
            ? (options.PerIp ? $"ip {http.Connection.RemoteIpAddress}" : null, rule.PerIp)
            : (http.User.FindFirstValue("sub") is { } subject ? $"player {subject}" : null, rule.PerPlayer);
        if (who is null || limit <= 0)
            return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter($"{group.Name}|{who}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = options.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var group = http.GetEndpoint()?.Metadata.GetMetadata<RateLimitGroup>()?.Name ?? "requests";
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : options.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var rule = options.RuleOf(group);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"{group}: at most {rule.PerPlayer} per player and {rule.PerIp} per IP every {options.Window.TotalSeconds:0} s " +
                    $"(0: no limit of that kind); retry after {seconds} s",
                Extensions = { ["limit"] = group, ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
