using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>Every player's outcome, the chain the run paid on (null: none), the demo campaign's tally (null: not checked) and what the run could not do.</summary>
public sealed record SimulationResult(IReadOnlyList<PlayerOutcome> Players, ChainInfo? Chain, string? Note, AirdropTally? Airdrops = null)
{
    /// <summary>Every player succeeded: every order it started ended in exactly one terminal state, completed NFTs owned on chain.</summary>
    public bool Succeeded => Players.Count > 0 && Players.All(p => p.Succeeded);

    /// <summary>
    /// The demo campaign reached the wallets it should (min(cap, players)), never more than the cap, and every token it
    /// told of is its player's on chain; true when the run checks no campaign.
    /// </summary>
    public bool AirdropsPassed => Airdrops is not { } tally || (AirdropsDelivered == tally.Expected && AirdropsDelivered <= tally.Cap
        && Players.Sum(p => p.AirdropOwned) == Players.Sum(p => p.AirdropTokens) && Players.Sum(p => p.AirdropTokens) >= AirdropsDelivered);

    /// <summary>Wallets told of their airdrop.</summary>
    public int AirdropsDelivered => Players.Count(p => p.AirdropTokens > 0);
}
