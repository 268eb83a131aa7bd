using Commerce.Actors.Ingress;
using Commerce.Host.Push;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Commerce.Host.Health;

/// <summary>Ready when every grain type's ingress owns partitions and live pushes are flowing.</summary>
public sealed class GrainsHealthCheck(IEnumerable<IHostedService> services, PushFanout pushes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ingresses = services.OfType<KafkaIngress>().ToList();
        var idle = ingresses.Where(i => i.AssignedPartitions == 0).Select(i => i.Route.GrainType).ToList();
        var data = ingresses.ToDictionary(i => i.Route.GrainType, i => (object)i.AssignedPartitions);
        if (idle.Count > 0)
            return Task.FromResult(HealthCheckResult.Unhealthy($"no partitions yet for {string.Join(", ", idle)}", data: data));
        if (!pushes.IsListening)
            return Task.FromResult(HealthCheckResult.Unhealthy("the push fanout has no partitions yet", data: data));
        return Task.FromResult(HealthCheckResult.Healthy("grains and pushes are running", data));
    }
}
