namespace Commerce.GameSimulator.Simulation;

/// <summary>How one simulated player did. It succeeded when every interest it sent was confirmed by a push.</summary>
public sealed record PlayerOutcome(int Number, string? PlayerId, int InterestsSent, int InterestsConfirmed, int PushesReceived, string? Error)
{
    public bool Succeeded => Error is null && InterestsSent > 0 && InterestsConfirmed == InterestsSent;
}
