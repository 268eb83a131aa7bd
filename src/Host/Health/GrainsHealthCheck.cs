using Commerce.Actors.Runtime;
using Commerce.Host.Push;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Commerce.Host.Health;

/// <summary>Ready when every grain type's consumer owns partitions and live pushes are flowing.</summary>
public sealed class GrainsHealthCheck(IEnumerable<IHostedService> services, PushFanout pushes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hosts = services.OfType<GrainHost>().ToList();
        var idle = hosts.Where(h => h.AssignedPartitions == 0).Select(h => h.Definition.Name).ToList();
        var data = hosts.ToDictionary(h => h.Definition.Name, h => (object)h.AssignedPartitions);
        if (idle.Count > 0)
            return Task.FromResult(HealthCheckResult.Unhealthy($"no partitions yet for {string.Join(", ", idle)}", data: data));
        if (!pushes.IsListening)
            return Task.FromResult(HealthCheckResult.Unhealthy("the push fanout has no partitions yet", data: data));
        return Task.FromResult(HealthCheckResult.Healthy("grains and pushes are running", data));
    }
}
