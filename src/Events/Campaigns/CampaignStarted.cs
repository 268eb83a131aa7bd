namespace Commerce.Events.Campaigns;

/// <summary>A time-limited campaign discounts a collection by <see cref="Discount"/> (0..1) from <see cref="From"/> until <see cref="Until"/>. Key: collection.</summary>
public sealed record CampaignStarted(string CampaignId, string Collection, decimal Discount, DateTimeOffset From, DateTimeOffset Until) : IEvent;
