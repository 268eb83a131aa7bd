using Akka.Actor;
using Akka.Configuration;

namespace Commerce.Connectors.Ingestion;

/// <summary>The one Akka actor system the connectors' streams run on, created on first use and terminated with the container.</summary>
public sealed class ConnectorActorSystem : IAsyncDisposable
{
    private static readonly Config Settings = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);

    private readonly Lazy<ActorSystem> _system = new(() => ActorSystem.Create("commerce-connectors", Settings));

    public ActorSystem System => _system.Value;

    public async ValueTask DisposeAsync()
    {
        if (_system.IsValueCreated)
            await _system.Value.Terminate();
    }
}
