namespace Commerce.Marketing.Campaigns;

/// <summary>A wallet and the slot of the supply it holds (slot s owns token ids base + s * quantity ... + quantity - 1).</summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.RecipientSlot")]
public sealed record RecipientSlot([property: Id(0)] string Wallet, [property: Id(1)] int Slot);
