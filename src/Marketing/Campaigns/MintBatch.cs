namespace Commerce.Marketing.Campaigns;

/// <summary>One mintBatch transaction asked of the executor and not yet confirmed or failed.</summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.MintBatch")]
public sealed record MintBatch(
    [property: Id(0)] int Number,
    [property: Id(1)] string CommandId,
    [property: Id(2)] IReadOnlyList<RecipientSlot> Recipients,
    [property: Id(3)] long GasLimit,
    [property: Id(4)] BatchStage Stage,
    [property: Id(5)] string? TransactionHash,
    [property: Id(6)] DateTimeOffset RequestedAt);
