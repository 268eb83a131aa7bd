using Commerce.Actors.Runtime;
using Commerce.Events.Auctions;
using Commerce.Events.Envelope;
using Orleans.Concurrency;

namespace Commerce.Actors.Auctions;

[GrainType(TypeName), Reentrant]
public sealed class AuctionDirectoryGrain(
    [PersistentState("state", CommerceGrainStorage.Name)] IPersistentState<GrainDocument<AuctionDirectoryState>> document,
    TimeProvider clock)
    : CommerceGrain<AuctionDirectoryState>(document, clock), IAuctionDirectoryGrain
{
    public const string TypeName = "auction-directory";

    /// <summary>The one key: every auction of the platform.</summary>
    public const string Everything = "all";

    protected override AuctionDirectoryState CreateState(string key) => new([]);

    protected override Task HandleAsync(EventEnvelope envelope)
    {
        switch (envelope.Payload)
        {
            case AuctionOpened e: Track(e.ItemId); break;
            default: throw new UnhandledEventException(TypeName, envelope.Type);
        }
        return Task.CompletedTask;
    }

    public Task<Replies> TrackAsync(AuctionOpened opened) => ReceiveCallAsync(opened);

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult(State.ItemIds);

    private void Track(string itemId)
    {
        if (State.ItemIds.Contains(itemId))
        {
            if (State.ItemIds[0] != itemId)
                State = new([itemId, .. State.ItemIds.Where(i => i != itemId)]);
            else
                ChangedNothing();
            return;
        }
        State = new([itemId, .. State.ItemIds.Take(AuctionDirectoryState.MaxItems - 1)]);
    }
}
