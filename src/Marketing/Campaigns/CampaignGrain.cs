using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Marketing.Recipients;
using Microsoft.Extensions.Options;

namespace Commerce.Marketing.Campaigns;

/// <summary>
/// One airdrop campaign (src/Marketing/README.md). Orleans runs one activation of it in the cluster, calls to it are handled one
/// at a time and its storage refuses a write from a stale version, so the campaign is the one place that hands out
/// supply slots: the cap holds with any number of hosts. Its state, the chain commands of its batches and its
/// CampaignStarted/CampaignEnded records are written in one transaction (the outbox).
/// <list type="bullet">
/// <item>Claims: a slot is stored as pending before the wallet's recipient grain is asked to claim the pair; the
/// recipient stores the claim before it answers; a crash in between resumes the pending claims.</item>
/// <item>Batches: claimed wallets are sent as GameItem.mintBatch commands of at most MaxBatch mints, within the gas
/// budget; the executor's words on them come back through <see cref="ApplyTransactionAsync"/>.</item>
/// <item>Timers: the queue is flushed every FlushInterval while it may send; reminders start and end the schedule
/// window and, while the campaign has work, wake it every minute (claims to resume, batches to ask again).</item>
/// </list>
/// </summary>
[GrainType(TypeName)]
public sealed partial class CampaignGrain(
    [PersistentState("state", CommerceGrainStorage.Name)] IPersistentState<GrainDocument<CampaignState>> document,
    CampaignValidator validator,
    IOptions<CampaignOptions> options,
    TimeProvider clock) : Grain, ICampaignGrain, IRemindable
{
    public const string TypeName = "campaign";

    private const string StartReminder = "start";
    private const string EndReminder = "end";
    private const string TickReminder = "tick";

    private readonly CampaignOptions _options = options.Value;
    private IGrainTimer? _flushTimer;

    private CampaignState State
    {
        get => document.State.State!;
        set => document.State.State = value;
    }

    private CampaignDefinition Definition => State.Definition!;

    private DateTimeOffset Now => clock.GetUtcNow();

    private string Key => this.GetPrimaryKeyString();

    private bool Exists => State.Version > 0;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        document.State.State ??= CampaignState.New(Key);
        if (HasWork)
            StartFlushTimer();
        return Task.CompletedTask;
    }

    public Task<CampaignState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Exists)
        {
            await UnregisterAsync(reminderName);
            return;
        }
        switch (reminderName)
        {
            case StartReminder when State.Status == CampaignStatus.Scheduled && Definition.StartsAt <= Now:
                await UnregisterAsync(StartReminder);
                await TransitionAsync("schedule", null, Start);
                break;
            case EndReminder when State.Status is CampaignStatus.Running or CampaignStatus.Paused && Definition.EndsAt <= Now:
                await UnregisterAsync(EndReminder);
                await TransitionAsync("schedule", null, () => End(CampaignEndReason.WindowEnded));
                break;
            case TickReminder:
                await ResumePendingClaimsAsync();
                await SendBatchesAsync(onlyFull: false);
                await AskAgainForStaleBatchesAsync();
                if (!HasWork && State.Status is CampaignStatus.Finished)
                    await UnregisterAsync(TickReminder);
                break;
        }
    }

    /// <summary>Claims, a queue or batches in flight, or a window that may still bring some.</summary>
    private bool HasWork => Exists && (State.Status is CampaignStatus.Running or CampaignStatus.Paused || State.Pending > 0);

    /// <summary>Publishes <paramref name="payload"/> with the next write (the outbox).</summary>
    private void Emit(TopicDefinition topic, string key, IEvent payload)
    {
        var envelope = EventEnvelope.Create(key, payload, Now, correlationId: $"campaign:{Key}");
        document.State.Effects.Outbox.Add(new OutboxWrite(topic.Name, key, EnvelopeSerializer.Serialize(envelope)));
    }

    private Task WriteAsync() => GrainWrites.WriteOrReloadAsync(document, DeactivateOnIdle);

    private ICampaignRecipientGrain Recipient(string wallet) =>
        GrainFactory.GetGrain<ICampaignRecipientGrain>(CampaignRecipientGrain.KeyOf(Key, wallet));

    private void StartFlushTimer() =>
        _flushTimer ??= this.RegisterGrainTimer(_ => SendBatchesAsync(onlyFull: false), _options.FlushInterval, _options.FlushInterval);

    private async Task KeepAwakeAsync()
    {
        StartFlushTimer();
        await this.RegisterOrUpdateReminder(TickReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    private async Task RemindAtAsync(string name, DateTimeOffset at)
    {
        var due = at - Now;
        await this.RegisterOrUpdateReminder(name, due < CommerceGrain<CampaignState>.MinimumReminderDue ? CommerceGrain<CampaignState>.MinimumReminderDue : due,
            CommerceGrain<CampaignState>.ReminderPeriod);
    }

    private async Task UnregisterAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
            await this.UnregisterReminder(reminder);
    }
}
