namespace Commerce.Marketing.Recipients;

/// <summary>The recipient's answer to a claim: whether the slot asked for is the pair's claim (true also for a repeat of the same claim).</summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.ClaimAnswer")]
public sealed record ClaimAnswer([property: Id(0)] bool Granted, [property: Id(1)] int HeldSlot, [property: Id(2)] RecipientStatus Status);
