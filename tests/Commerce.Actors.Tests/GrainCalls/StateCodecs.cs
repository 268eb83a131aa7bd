using Commerce.Actors.Orders;
using Commerce.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Commerce.Actors.Tests.GrainCalls;

/// <summary>Orleans' serializer and deep copier as a silo configures them, over the grains' and the events' generated code.</summary>
public sealed class StateCodecs : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(OrderState).Assembly).AddAssembly(typeof(IEvent).Assembly))
        .BuildServiceProvider();

    public Serializer Serializer => _services.GetRequiredService<Serializer>();

    public DeepCopier Copier => _services.GetRequiredService<DeepCopier>();

    public void Dispose() => _services.Dispose();
}
