using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>Every player's outcome, the chain the run paid on (null: none) and what the run could not do.</summary>
public sealed record SimulationResult(IReadOnlyList<PlayerOutcome> Players, ChainInfo? Chain, string? Note)
{
    /// <summary>Every player succeeded: every order it started ended in exactly one terminal state, completed NFTs owned on chain.</summary>
    public bool Succeeded => Players.Count > 0 && Players.All(p => p.Succeeded);
}
