using Orleans;
using Orleans.Runtime;

namespace Commerce.Actors.Clustering;

/// <summary>
/// Makes sure the clustering schema exists early in the silo's start (RuntimeInitialize), before the membership
/// table is first used (RuntimeGrainServices). A failure stops the silo's start with the database's error.
/// </summary>
internal sealed class ClusteringSchemaStartup(PostgresClusteringSchema schema) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusteringSchemaStartup), ServiceLifecycleStage.RuntimeInitialize, schema.EnsureCreatedAsync);
}
