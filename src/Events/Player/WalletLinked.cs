using Orleans;

namespace Commerce.Events.Player;

/// <summary>A player signed in with a wallet (EIP-4361). Key: player id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.WalletLinked")]
public sealed record WalletLinked(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string WalletAddress) : IEvent;
