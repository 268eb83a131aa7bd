namespace Commerce.Events.Items;

/// <summary>An order bought the item: it now belongs to <see cref="Owner"/> (a wallet). Key: item id.</summary>
public sealed record ItemSold(string ItemId, string OrderId, string Owner, bool Minted) : IEvent;
