using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Commerce.Actors.Runtime;

/// <summary>
/// Remembers which grain interface type Orleans' attribute provider names for each interface. Every
/// <c>GetGrain&lt;T&gt;(key)</c> asks the providers for T's grain interface type, and Orleans' own
/// <see cref="AttributeGrainInterfaceTypeProvider"/> answers by reading T's custom attributes anew each time (in
/// Orleans 10.4: a reflection walk that builds the attribute objects). A player's interest reaches two or three grains
/// by a fresh reference, so that walk was 1.6 % of the platform's CPU in the pricing benchmark (docs/BENCHMARKS.md);
/// an interface's attributes do not change while the process runs, so the first answer is kept.
/// </summary>
public sealed class CachedGrainInterfaceTypes(IGrainInterfaceTypeProvider attributes) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, (bool Found, GrainInterfaceType Type)> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        var (found, known) = _known.GetOrAdd(type,
            static (t, provider) => provider.TryGetGrainInterfaceType(t, out var answer) ? (true, answer) : (false, default),
            attributes);
        grainInterfaceType = known;
        return found;
    }

    /// <summary>
    /// Puts this cache in place of Orleans' attribute provider, at its position among the providers (they are asked in
    /// order). Fails if the provider is not registered: an Orleans version that changed it needs this looked at again.
    /// </summary>
    public static void ReplaceIn(IServiceCollection services)
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IGrainInterfaceTypeProvider) && services[i].ImplementationType == typeof(AttributeGrainInterfaceTypeProvider))
                index = i;
        }
        if (index < 0)
            throw new InvalidOperationException($"{nameof(AttributeGrainInterfaceTypeProvider)} is not among the silo's services: check {nameof(CachedGrainInterfaceTypes)} against this Orleans version");
        services[index] = ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider>(sp =>
            new CachedGrainInterfaceTypes(ActivatorUtilities.CreateInstance<AttributeGrainInterfaceTypeProvider>(sp)));
    }
}
