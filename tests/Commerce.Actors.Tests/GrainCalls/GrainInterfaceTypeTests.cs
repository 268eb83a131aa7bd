using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Actors.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Commerce.Actors.Tests.GrainCalls;

/// <summary>The silo asks <see cref="CachedGrainInterfaceTypes"/> instead of reading an interface's attributes at every GetGrain.</summary>
public sealed class GrainInterfaceTypeTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public void The_silo_looks_grain_interface_types_up_through_the_cache_and_gets_Orleans_own_answers()
    {
        var services = fixture.Cluster.Cluster.Silos[0].ServiceProvider;
        var providers = services.GetServices<IGrainInterfaceTypeProvider>().ToList();
        var cache = Assert.Single(providers.OfType<CachedGrainInterfaceTypes>());
        Assert.DoesNotContain(providers, p => p is AttributeGrainInterfaceTypeProvider);

        var orleans = new AttributeGrainInterfaceTypeProvider(services);
        foreach (var type in new[] { typeof(IPlayerSessionGrain), typeof(INftItemGrain), typeof(IDisposable) })
        {
            var expectedFound = orleans.TryGetGrainInterfaceType(type, out var expected);
            for (var ask = 0; ask < 2; ask++)
            {
                Assert.Equal(expectedFound, cache.TryGetGrainInterfaceType(type, out var answer));
                Assert.Equal(expected, answer);
            }
        }
    }
}
