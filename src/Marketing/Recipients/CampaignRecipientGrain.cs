using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Events.Campaigns;

namespace Commerce.Marketing.Recipients;

/// <summary>
/// The durable claim of one (campaign, wallet) pair (<see cref="RecipientState"/>). Orleans runs one activation per
/// key and the storage refuses a write from a stale version, so two claims of the same pair (two hosts, a retried
/// call) cannot both be granted. Each answer is given only once the state is stored. On delivery it has the player's
/// session push the airdrop (at least once: a crash between the push and its record pushes again).
/// </summary>
[GrainType(TypeName)]
public sealed class CampaignRecipientGrain(
    [PersistentState("state", CommerceGrainStorage.Name)] IPersistentState<GrainDocument<RecipientState>> document,
    TimeProvider clock) : Grain, ICampaignRecipientGrain
{
    public const string TypeName = "campaign-recipient";

    public static string KeyOf(string campaignId, string wallet) => $"{campaignId}|{wallet}";

    private RecipientState State
    {
        get => document.State.State!;
        set => document.State.State = value;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (document.State.State is null)
        {
            var key = this.GetPrimaryKeyString();
            var bar = key.IndexOf('|', StringComparison.Ordinal);
            document.State.State = RecipientState.New(key[..bar], key[(bar + 1)..]);
        }
        return Task.CompletedTask;
    }

    public async Task<ClaimAnswer> ClaimAsync(int slot, IReadOnlyList<string> tokenIds)
    {
        if (State.Status != RecipientStatus.None)
            return new ClaimAnswer(State.Slot == slot, State.Slot, State.Status);
        State = State with { Status = RecipientStatus.Claimed, Slot = slot, TokenIds = tokenIds, ClaimedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow() };
        await WriteAsync();
        return new ClaimAnswer(true, slot, State.Status);
    }

    public async Task UpdateAsync(RecipientUpdate update)
    {
        if (State.Status == RecipientStatus.None)
            return; // never claimed: nothing to update
        var now = clock.GetUtcNow();
        // Delivered is for good: a late or repeated word changes nothing (but a push not yet made is made).
        if (State.Status != RecipientStatus.Delivered)
        {
            State = update.Status switch
            {
                RecipientStatus.Minting => State with { Status = RecipientStatus.Minting, Batch = update.Batch, Attempts = State.Attempts + (State.Batch == update.Batch ? 0 : 1), Reason = null, UpdatedAt = now },
                RecipientStatus.Delivered => State with { Status = RecipientStatus.Delivered, Batch = update.Batch, TransactionHash = update.TransactionHash, Reason = null, UpdatedAt = now },
                RecipientStatus.Failed => State with { Status = RecipientStatus.Failed, Batch = update.Batch, TransactionHash = update.TransactionHash, Reason = update.Reason, UpdatedAt = now },
                _ => State,
            };
            await WriteAsync();
        }
        if (State.Status == RecipientStatus.Delivered && !State.Pushed)
        {
            var airdrop = new AirdropDelivered(State.CampaignId, update.CampaignName, State.Wallet, update.Contract, State.TokenIds, update.TransactionHash ?? "");
            await GrainFactory.GetGrain<IPlayerSessionGrain>(State.Wallet).NotifyAirdropAsync(airdrop);
            State = State with { Pushed = true };
            await WriteAsync();
        }
    }

    public Task<RecipientState> GetAsync() => Task.FromResult(State);

    private Task WriteAsync() => GrainWrites.WriteOrReloadAsync(document, DeactivateOnIdle);
}
