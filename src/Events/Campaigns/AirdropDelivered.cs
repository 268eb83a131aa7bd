using Orleans;

namespace Commerce.Events.Campaigns;

/// <summary>
/// A marketing campaign's airdrop reached a player's wallet: <see cref="TokenIds"/> (decimal) of the GameItem
/// <see cref="Contract"/> were minted to <see cref="Wallet"/> by <see cref="TransactionHash"/>, confirmed. The player's
/// session pushes it to the game. Key: player id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AirdropDelivered")]
public sealed record AirdropDelivered(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string CampaignName,
    [property: Id(2)] string Wallet,
    [property: Id(3)] string Contract,
    [property: Id(4)] IReadOnlyList<string> TokenIds,
    [property: Id(5)] string TransactionHash) : IEvent;
