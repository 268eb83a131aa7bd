using Orleans.Placement;
using Orleans.Runtime;

namespace Commerce.Actors.Tests.Clustering;

/// <summary>Placed at random among the active silos, so a handful of keys spreads over the cluster.</summary>
[RandomPlacement]
public sealed class SiloAddressGrain(ILocalSiloDetails silo) : Grain, ISiloAddressGrain
{
    public Task<string> WhereAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
