namespace Commerce.Actors.Tests.Harness;

/// <summary>One <see cref="GrainCluster"/> for a test class (its tests run one after another; each uses keys of its own).</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private GrainCluster? _cluster;

    public GrainCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not started");

    public async Task InitializeAsync() => _cluster = await GrainCluster.StartAsync(T0);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}
