using Commerce.Events.Campaigns;
using Commerce.Events.Topics;

namespace Commerce.Marketing.Campaigns;

/// <summary>Creation, versioned edits and the status changes, each audited.</summary>
public sealed partial class CampaignGrain
{
    public async Task<CampaignAnswer> CreateAsync(CampaignDefinition definition, string by)
    {
        if (Exists)
            return CampaignAnswer.Refused(CampaignProblem.Conflict, "id", $"campaign {Key} exists already");
        if (validator.Check(definition) is { } refused)
            return refused;
        State = CampaignState.New(Key) with { Definition = definition };
        Audit(by, "created", [$"{definition.Name}: {definition.Quantity} x {definition.Collection} ({definition.Contract}), cap {definition.SupplyCap}, rule {definition.Rule}"]);
        await WriteAsync();
        return CampaignAnswer.Ok(State);
    }

    public async Task<CampaignAnswer> EditAsync(CampaignDefinition definition, int expectedVersion, string by)
    {
        if (!Exists)
            return NotFound();
        if (State.Status == CampaignStatus.Finished)
            return CampaignAnswer.Refused(CampaignProblem.Conflict, "status", "a finished campaign cannot be edited");
        if (expectedVersion != State.Version)
            return CampaignAnswer.Refused(CampaignProblem.Conflict, "version", $"the campaign is at version {State.Version}, not {expectedVersion}: reload it and edit again");
        if (validator.Check(definition) is { } refused)
            return refused;
        var old = Definition;
        if (State.NextSlot > 0)
        {
            if (definition.Contract != old.Contract || definition.Quantity != old.Quantity)
                return CampaignAnswer.Refused(CampaignProblem.Invalid, definition.Contract != old.Contract ? "contract" : "quantity",
                    "cannot change once wallets were claimed");
            if (definition.SupplyCap < State.SlotsTaken * definition.Quantity)
                return CampaignAnswer.Refused(CampaignProblem.Invalid, "supplyCap", $"supplyCap cannot go below the {State.SlotsTaken * definition.Quantity} tokens already given out");
        }
        var changes = CampaignChanges.Between(old, definition);
        if (changes.Count == 0)
            return CampaignAnswer.Ok(State);
        State = State with { Definition = definition };
        Audit(by, "edited", changes);
        await WriteAsync();
        if (State.Status is CampaignStatus.Running or CampaignStatus.Paused && definition.EndsAt is { } end && end != old.EndsAt)
            await RemindAtAsync(EndReminder, end);
        if (State.Status == CampaignStatus.Scheduled && definition.StartsAt is { } start && start != old.StartsAt)
            await RemindAtAsync(StartReminder, start);
        return CampaignAnswer.Ok(State);
    }

    public async Task<CampaignAnswer> ScheduleAsync(string by)
    {
        if (!Exists)
            return NotFound();
        if (State.Status != CampaignStatus.Draft)
            return WrongStatus("scheduled");
        if (Definition.StartsAt is not { } start)
            return CampaignAnswer.Refused(CampaignProblem.Invalid, "startsAt", "startsAt is required to schedule a campaign (or start it now)");
        if (start <= Now)
            return await TransitionAsync(by, "scheduled", Start);
        State = State with { Status = CampaignStatus.Scheduled };
        Audit(by, "scheduled", [$"runs from {start:u}"]);
        await WriteAsync();
        await RemindAtAsync(StartReminder, start);
        return CampaignAnswer.Ok(State);
    }

    public Task<CampaignAnswer> StartAsync(string by) =>
        !Exists ? Task.FromResult(NotFound())
        : State.Status is CampaignStatus.Draft or CampaignStatus.Scheduled ? TransitionAsync(by, "started", Start)
        : Task.FromResult(WrongStatus("started"));

    public Task<CampaignAnswer> PauseAsync(string by) =>
        !Exists ? Task.FromResult(NotFound())
        : State.Status == CampaignStatus.Running ? TransitionAsync(by, "paused", () => Move(CampaignStatus.Paused))
        : Task.FromResult(WrongStatus("paused"));

    public Task<CampaignAnswer> ResumeAsync(string by) =>
        !Exists ? Task.FromResult(NotFound())
        : State.Status == CampaignStatus.Paused ? TransitionAsync(by, "resumed", () => Move(CampaignStatus.Running))
        : Task.FromResult(WrongStatus("resumed"));

    public Task<CampaignAnswer> StopAsync(string by) =>
        !Exists ? Task.FromResult(NotFound())
        : State.Status != CampaignStatus.Finished ? TransitionAsync(by, "stopped", () => End(CampaignEndReason.Stopped))
        : Task.FromResult(WrongStatus("stopped"));

    /// <summary>Applies a status change, audits it, writes it and sets the reminders the new status needs.</summary>
    private async Task<CampaignAnswer> TransitionAsync(string by, string? action, Func<CampaignAnswer?> change)
    {
        var before = State.Status;
        if (change() is { } refused)
            return refused;
        if (action is not null)
            Audit(by, action, [$"{before} -> {State.Status}"]);
        else
            Audit(by, State.Status == CampaignStatus.Running ? "started" : "ended", [$"{before} -> {State.Status}"]);
        await WriteAsync();
        if (State.Status == CampaignStatus.Running && before != CampaignStatus.Paused)
        {
            await UnregisterAsync(StartReminder);
            if (Definition.EndsAt is { } end)
                await RemindAtAsync(EndReminder, end);
        }
        if (HasWork)
            await KeepAwakeAsync();
        if (State.Status == CampaignStatus.Finished)
        {
            await UnregisterAsync(StartReminder);
            await UnregisterAsync(EndReminder);
        }
        return CampaignAnswer.Ok(State);
    }

    private CampaignAnswer? Start()
    {
        if (Definition.EndsAt is { } end && end <= Now)
            return CampaignAnswer.Refused(CampaignProblem.Invalid, "endsAt", "the schedule window has ended: move endsAt first");
        State = State with { Status = CampaignStatus.Running, StartedAt = Now, Backfilled = false, BackfillLeaseUntil = null };
        Emit(TopicCatalog.CampaignEvents, Definition.Collection,
            new CampaignStarted(Key, Definition.Collection, 0m, Now, Definition.EndsAt ?? Now.AddYears(1)));
        return null;
    }

    private CampaignAnswer? Move(CampaignStatus status)
    {
        State = State with { Status = status };
        return null;
    }

    /// <summary>Finished for good; the wallets claimed but not yet sent are sent too, unless the campaign was stopped.</summary>
    private CampaignAnswer? End(CampaignEndReason reason)
    {
        var stopped = reason == CampaignEndReason.Stopped;
        State = State with
        {
            Status = CampaignStatus.Finished,
            EndReason = reason,
            EndedAt = Now,
            LastError = reason is CampaignEndReason.GasBudgetExhausted ? "the gas budget is exhausted" : State.LastError,
            Queue = stopped ? [] : State.Queue,
            Failed = stopped ? [.. State.Failed, .. State.Queue] : State.Failed,
        };
        if (State.StartedAt is not null)
            Emit(TopicCatalog.CampaignEvents, Definition.Collection, new CampaignEnded(Key, Definition.Collection));
        return null;
    }

    private void Audit(string by, string action, IReadOnlyList<string> changes) =>
        State = State with { Version = State.Version + 1, Edits = [.. State.Edits, new CampaignEdit(State.Version + 1, by, Now, action, changes)] };

    private CampaignAnswer NotFound() => CampaignAnswer.Refused(CampaignProblem.NotFound, "id", $"no campaign {Key}");

    private CampaignAnswer WrongStatus(string wanted) =>
        CampaignAnswer.Refused(CampaignProblem.Conflict, "status", $"a {State.Status.ToString().ToLowerInvariant()} campaign cannot be {wanted}");
}
