using Commerce.Actors.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Commerce.Host.Health;

/// <summary>Ready when the grain store answers; reports the outbox backlog.</summary>
public sealed class StoreHealthCheck(IGrainStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var backlog = await store.CountOutboxAsync(cancellationToken);
            return HealthCheckResult.Healthy($"outbox backlog {backlog}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("the grain store does not answer", ex);
        }
    }
}
