namespace Commerce.Marketing.Campaigns;

/// <summary>Wallets delivered (confirmed) in the minute that starts at <see cref="Minute"/>.</summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.MinuteCount")]
public sealed record MinuteCount([property: Id(0)] DateTimeOffset Minute, [property: Id(1)] int Delivered);
