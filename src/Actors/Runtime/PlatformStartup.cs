using Commerce.Actors.Storage;
using Commerce.Messaging.Topics;
using Microsoft.Extensions.Hosting;

namespace Commerce.Actors.Runtime;

/// <summary>
/// Runs before the grain hosts (hosted services start in registration order): creates the store
/// schema, makes sure the topics exist and learns the broker epoch.
/// </summary>
public sealed class PlatformStartup(IGrainStore store, TopicProvisioner topics, BrokerEpoch epoch) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await topics.EnsureTopicsAsync(cancellationToken);
        await epoch.GetAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
