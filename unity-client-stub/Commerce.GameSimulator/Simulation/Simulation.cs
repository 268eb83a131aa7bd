using Commerce.GameSimulator.Options;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>Runs every simulated player concurrently (sign-ins bounded by --concurrency).</summary>
public sealed class Simulation(SimulatorOptions options, SimulationStats stats)
{
    public async Task<IReadOnlyList<PlayerOutcome>> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClientTransport();
        using var gate = new SemaphoreSlim(options.Concurrency);
        var players = Enumerable.Range(1, options.Players)
            .Select(n => new SimulatedPlayer(n, options, stats, http).RunAsync(gate, cancellationToken));
        return await Task.WhenAll(players);
    }
}
