using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Topics;

namespace Commerce.Actors.NftItem;

public sealed class NftItemGrain : Grain<NftItemState>, INftItemGrain
{
    public const string TypeName = "nft-item";

    /// <summary>Fed partly by player-session outboxes (at-least-once), so it dedupes on event ids.</summary>
    public static GrainDefinition Definition { get; } =
        new(TypeName, TopicCatalog.ItemEvents, DedupeByEventId: true, () => new NftItemGrain());

    protected override JsonTypeInfo<NftItemState> StateJson => GrainJsonContext.Default.NftItemState;

    protected override NftItemState CreateState(string key) => NftItemState.New(key);

    protected override ValueTask ReceiveAsync(EventEnvelope envelope) => envelope.Payload switch
    {
        ItemListed e => ListAsync(e),
        ItemInterestRegistered e => RegisterInterestAsync(e),
        _ => throw new UnhandledEventException(TypeName, envelope.Type),
    };

    public ValueTask ListAsync(ItemListed listing)
    {
        State = State with
        {
            Listed = true,
            Collection = listing.Collection,
            TokenId = listing.TokenId,
            Rarity = listing.Rarity,
            Edition = listing.Edition,
            Supply = listing.Supply,
            ListPrice = listing.ListPrice,
            Currency = listing.Currency,
            Owner = listing.Owner,
            UpdatedAt = Context.Current.OccurredAt,
        };
        return ValueTask.CompletedTask;
    }

    public ValueTask RegisterInterestAsync(ItemInterestRegistered interest)
    {
        var minute = new DateTimeOffset(interest.ShownAt.UtcTicks - interest.ShownAt.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var buckets = State.InterestByMinute;
        var current = buckets.FirstOrDefault(b => b.Minute == minute);
        var updated = current is null ? new InterestBucket(minute, 1) : current with { Count = current.Count + 1 };
        // Newest minute last; late events land in their own minute; only the last hour is kept.
        var newest = buckets.Count == 0 || minute > buckets[^1].Minute ? minute : buckets[^1].Minute;
        State = State with
        {
            InterestTotal = State.InterestTotal + 1,
            InterestByMinute = [.. buckets.Where(b => b.Minute != minute).Append(updated)
                .Where(b => b.Minute > newest - TimeSpan.FromMinutes(NftItemState.InterestMinutes))
                .OrderBy(b => b.Minute)],
            UpdatedAt = Context.Current.OccurredAt,
        };
        return ValueTask.CompletedTask;
    }
}
