using Microsoft.Extensions.Hosting;

namespace Commerce.Payments.Following;

/// <summary>What a disabled watcher registers in its place: a hosted service that does nothing.</summary>
internal sealed class IdleService : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
