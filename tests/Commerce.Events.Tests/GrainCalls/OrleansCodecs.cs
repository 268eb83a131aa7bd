using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Commerce.Events.Tests.GrainCalls;

/// <summary>Orleans' serializer and deep copier as a silo configures them, over the events' generated code.</summary>
public sealed class OrleansCodecs : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(IEvent).Assembly))
        .BuildServiceProvider();

    public Serializer Serializer => _services.GetRequiredService<Serializer>();

    public DeepCopier Copier => _services.GetRequiredService<DeepCopier>();

    public void Dispose() => _services.Dispose();
}
