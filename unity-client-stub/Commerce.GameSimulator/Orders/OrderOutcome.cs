using Commerce.Sdk;

namespace Commerce.GameSimulator.Orders;

/// <summary>
/// How one order ended, as checked at the end: the terminal states its pushes (and polls) named, the state the
/// platform reports, the payments it confirmed, and for a completed order whether the buyer owns the NFT on chain.
/// </summary>
public sealed record OrderOutcome(
    string OrderId,
    string ItemId,
    string PaymentKind,
    IReadOnlyCollection<string> TerminalStates,
    string? FinalStatus,
    int ConfirmedPayments,
    bool? OwnedOnChain,
    bool? ListedAsOwned,
    string? Problem)
{
    /// <summary>The one terminal state, when there is exactly one.</summary>
    public string? Terminal => TerminalStates.Count == 1 ? TerminalStates.First() : null;

    /// <summary>Exactly one terminal state, the platform agrees, and a completed order's NFT is the buyer's on chain.</summary>
    public bool Valid =>
        Terminal is { } terminal
        && FinalStatus == terminal
        && (terminal != OrderStatuses.Completed || OwnedOnChain == true);

    public string Verdict =>
        TerminalStates.Count == 0 ? "no terminal state"
        : TerminalStates.Count > 1 ? "several terminal states: " + string.Join(", ", TerminalStates)
        : FinalStatus != Terminal ? $"pushed {Terminal}, the platform says {FinalStatus ?? "nothing"}"
        : Terminal == OrderStatuses.Completed && OwnedOnChain != true ? "completed, but the NFT is not the buyer's on chain"
        : "ok";
}
