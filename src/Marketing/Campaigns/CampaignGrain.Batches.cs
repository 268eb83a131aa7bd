using Commerce.Events.Chain;
using Commerce.Events.Topics;
using Commerce.Marketing.Recipients;

namespace Commerce.Marketing.Campaigns;

/// <summary>Batches: the queue sent as mintBatch commands through the executor, and the executor's words on them.</summary>
public sealed partial class CampaignGrain
{
    /// <summary>Sent while running, and after an end that was not a stop (what was claimed in time is delivered); never while paused.</summary>
    private bool MaySend => State.Status == CampaignStatus.Running
        || State.Status == CampaignStatus.Finished && State.EndReason != CampaignEndReason.Stopped;

    public Task FlushAsync() => SendBatchesAsync(onlyFull: false);

    public async Task<CampaignAnswer> RetryAsync(IReadOnlyList<string> wallets, string by)
    {
        if (!Exists)
            return NotFound();
        if (!(MaySend || State.Status == CampaignStatus.Paused))
            return WrongStatus("retried");
        var wanted = wallets.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var retried = State.Failed.Where(f => wanted.Count == 0 || wanted.Contains(f.Wallet)).ToList();
        if (retried.Count == 0)
            return CampaignAnswer.Refused(CampaignProblem.Invalid, "wallets", "none of these wallets has a failed delivery in this campaign");
        if (GasCommitted(State.Queue.Count + State.PendingClaims.Count + retried.Count) > Definition.GasBudget)
            return CampaignAnswer.Refused(CampaignProblem.Invalid, "gasBudget", "the gas budget does not cover these retries: raise gasBudget first");
        var set = retried.Select(r => r.Wallet).ToHashSet(StringComparer.Ordinal);
        State = State with { Failed = [.. State.Failed.Where(f => !set.Contains(f.Wallet))], Queue = [.. State.Queue, .. retried] };
        Audit(by, "retried", [.. retried.Select(r => r.Wallet)]);
        await WriteAsync();
        await KeepAwakeAsync();
        await SendBatchesAsync(onlyFull: true);
        return CampaignAnswer.Ok(State);
    }

    /// <summary>Turns the queue into batches of at most MaxBatch wallets (only full ones when <paramref name="onlyFull"/>), written with their commands.</summary>
    private async Task SendBatchesAsync(bool onlyFull)
    {
        if (!Exists || !MaySend)
            return;
        var sent = new List<MintBatch>();
        while (State.Queue.Count > 0 && (!onlyFull || State.Queue.Count >= _options.MaxBatch))
        {
            var chunk = State.Queue.Take(_options.MaxBatch).ToList();
            var number = State.NextBatch;
            var batch = new MintBatch(number, CampaignMints.CommandId(Key, number), chunk,
                CampaignMints.GasLimit(chunk.Count * Definition.Quantity, _options), BatchStage.Requested, null, Now);
            Emit(TopicCatalog.ChainCommands, batch.CommandId, CommandOf(batch));
            State = State with { Queue = [.. State.Queue.Skip(chunk.Count)], NextBatch = number + 1, Batches = [.. State.Batches, batch] };
            sent.Add(batch);
        }
        if (sent.Count == 0)
            return;
        await WriteAsync();
        await Task.WhenAll(sent.SelectMany(b => b.Recipients.Select(r => Recipient(r.Wallet).UpdateAsync(Update(RecipientStatus.Minting, b, null, null)))));
    }

    /// <summary>Batches the executor has said nothing about for a while are asked for again (the same command id: sent at most once).</summary>
    private async Task AskAgainForStaleBatchesAsync()
    {
        var stale = State.Batches.Where(b => b.Stage == BatchStage.Requested && b.RequestedAt + _options.ResendAfter <= Now).ToList();
        if (stale.Count == 0)
            return;
        foreach (var batch in stale)
            Emit(TopicCatalog.ChainCommands, batch.CommandId, CommandOf(batch));
        State = State with { Batches = [.. State.Batches.Select(b => stale.Contains(b) ? b with { RequestedAt = Now } : b)] };
        await WriteAsync();
    }

    public async Task ApplyTransactionAsync(ChainTransactionUpdated update)
    {
        if (!Exists || State.Batches.FirstOrDefault(b => b.CommandId == update.CommandId) is not { } batch)
            return; // not ours, or already settled: a late or repeated word changes nothing
        switch (update.Stage)
        {
            case ChainTransactionUpdated.Submitted or ChainTransactionUpdated.Replaced or ChainTransactionUpdated.Reorged:
                Replace(batch, batch with { Stage = BatchStage.Submitted, TransactionHash = update.TransactionHash ?? batch.TransactionHash });
                break;
            case ChainTransactionUpdated.Mined:
                Replace(batch, batch with { Stage = BatchStage.Mined, TransactionHash = update.TransactionHash ?? batch.TransactionHash });
                break;
            case ChainTransactionUpdated.Confirmed:
                // The recipients first: if this stops half-way, the batch is still here and the redelivered word finishes it.
                await Task.WhenAll(batch.Recipients.Select(r => Recipient(r.Wallet).UpdateAsync(Update(RecipientStatus.Delivered, batch, update.TransactionHash, null))));
                State = State with
                {
                    Batches = [.. State.Batches.Where(b => b.CommandId != batch.CommandId)],
                    Delivered = State.Delivered + batch.Recipients.Count,
                    GasSpent = State.GasSpent + batch.GasLimit,
                    DeliveriesPerMinute = CountDeliveries(batch.Recipients.Count),
                };
                break;
            case ChainTransactionUpdated.Failed:
                var reason = update.Reason ?? "the executor gave up";
                await Task.WhenAll(batch.Recipients.Select(r => Recipient(r.Wallet).UpdateAsync(Update(RecipientStatus.Failed, batch, update.TransactionHash, reason))));
                State = State with
                {
                    Batches = [.. State.Batches.Where(b => b.CommandId != batch.CommandId)],
                    Failed = [.. State.Failed, .. batch.Recipients],
                    GasSpent = State.GasSpent + (update.TransactionHash is null ? 0 : batch.GasLimit), // refused before sending: no gas
                    LastError = $"batch {batch.Number}: {reason}",
                };
                break;
            default:
                return;
        }
        await WriteAsync();
    }

    private void Replace(MintBatch old, MintBatch now) =>
        State = State with { Batches = [.. State.Batches.Select(b => b.CommandId == old.CommandId ? now : b)] };

    private IReadOnlyList<MinuteCount> CountDeliveries(int count)
    {
        var now = Now;
        var minute = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var minutes = State.DeliveriesPerMinute.ToList();
        if (minutes.Count > 0 && minutes[^1].Minute == minute)
            minutes[^1] = minutes[^1] with { Delivered = minutes[^1].Delivered + count };
        else
            minutes.Add(new MinuteCount(minute, count));
        return minutes.Count > CampaignState.MaxMinutes ? minutes[^CampaignState.MaxMinutes..] : minutes;
    }

    /// <summary>The batch's mint command, marked as asked by the campaign grains (requester "marketing", HMAC under Marketing:CommandKey).</summary>
    private ChainCommandRequested CommandOf(MintBatch batch)
    {
        var command = CampaignMints.Command(batch.CommandId, Definition.Contract, [.. batch.Recipients.Select(r => (r.Wallet, TokensOf(r.Slot)))], batch.GasLimit);
        return string.IsNullOrWhiteSpace(_options.CommandKey)
            ? command
            : ChainCommandMac.Sign(command, ChainCommandKinds.MarketingRequester, Convert.FromBase64String(_options.CommandKey));
    }

    private RecipientUpdate Update(RecipientStatus status, MintBatch batch, string? tx, string? reason) =>
        new(status, batch.Number, tx, reason, Definition.Name, Definition.Contract);
}
