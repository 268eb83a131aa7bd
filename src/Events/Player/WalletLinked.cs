namespace Commerce.Events.Player;

/// <summary>A player signed in with a wallet (EIP-4361). Key: player id.</summary>
public sealed record WalletLinked(string PlayerId, string WalletAddress) : IEvent;
