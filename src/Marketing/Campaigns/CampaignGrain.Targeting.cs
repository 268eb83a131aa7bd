using Commerce.Marketing.Recipients;

namespace Commerce.Marketing.Campaigns;

/// <summary>Claims: slots within the cap and gas within the budget, each (campaign, wallet) pair claimed once, durably.</summary>
public sealed partial class CampaignGrain
{
    public async Task<TargetResult> TargetAsync(IReadOnlyList<string> wallets)
    {
        if (!Exists)
            return new TargetResult(0, 0, wallets.Count, CampaignStatus.Draft);
        await ResumePendingClaimsAsync();
        if (State.Status != CampaignStatus.Running || Definition.EndsAt <= Now)
            return new TargetResult(0, 0, wallets.Count, State.Status);

        var fresh = wallets.Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal)
            .Where(w => !State.PendingClaims.Any(p => p.Wallet == w)).ToList();
        var claims = new List<RecipientSlot>();
        var capReached = false;
        var budgetOut = false;
        var freeSlots = State.FreeSlots.ToList();
        var nextSlot = State.NextSlot;
        foreach (var wallet in fresh)
        {
            if (nextSlot - freeSlots.Count >= State.SlotCapacity)
            {
                capReached = true;
                break;
            }
            if (GasCommitted(State.Queue.Count + State.PendingClaims.Count + claims.Count + 1) > Definition.GasBudget)
            {
                budgetOut = true;
                break;
            }
            int slot;
            if (freeSlots.Count > 0)
            {
                slot = freeSlots[^1];
                freeSlots.RemoveAt(freeSlots.Count - 1);
            }
            else
            {
                slot = nextSlot++;
            }
            claims.Add(new RecipientSlot(wallet, slot));
        }
        var notTaken = wallets.Count - claims.Count;
        if (claims.Count > 0)
        {
            // Stored before any recipient is asked: a crash from here on resumes these claims with the same slots.
            State = State with { NextSlot = nextSlot, FreeSlots = freeSlots, PendingClaims = [.. State.PendingClaims, .. claims] };
            await WriteAsync();
        }
        var (granted, refused) = await ClaimAsync(claims);
        capReached |= State.SlotsTaken >= State.SlotCapacity;
        if (capReached && State.Status == CampaignStatus.Running)
            await TransitionAsync("platform", null, () => End(CampaignEndReason.SupplyCapReached));
        else if (budgetOut && State.Status == CampaignStatus.Running && GasCommitted(State.Queue.Count + 1) > Definition.GasBudget)
            await TransitionAsync("platform", null, () => End(CampaignEndReason.GasBudgetExhausted));
        await SendBatchesAsync(onlyFull: true);
        return new TargetResult(granted, refused, notTaken, State.Status);
    }

    /// <summary>Claims left pending by a crash are asked again, with the slots they were given.</summary>
    private async Task ResumePendingClaimsAsync()
    {
        if (State.PendingClaims.Count > 0)
            await ClaimAsync(State.PendingClaims.ToList());
    }

    /// <summary>Asks each recipient for its claim; granted ones join the queue, refused ones give their slot back. Stored.</summary>
    private async Task<(int Granted, int Refused)> ClaimAsync(IReadOnlyList<RecipientSlot> claims)
    {
        if (claims.Count == 0)
            return (0, 0);
        var answers = await Task.WhenAll(claims.Select(c => Recipient(c.Wallet).ClaimAsync(c.Slot, TokensOf(c.Slot))));
        var queue = State.Queue.ToList();
        var free = State.FreeSlots.ToList();
        for (var i = 0; i < claims.Count; i++)
        {
            if (answers[i].Granted)
                queue.Add(claims[i]);
            else
                free.Add(claims[i].Slot); // the pair was claimed before (a redelivery, another host, a backfill and the stream)
        }
        var done = claims.Select(c => c.Wallet).ToHashSet(StringComparer.Ordinal);
        State = State with { Queue = queue, FreeSlots = free, PendingClaims = [.. State.PendingClaims.Where(p => !done.Contains(p.Wallet))] };
        await WriteAsync();
        var granted = answers.Count(a => a.Granted);
        return (granted, claims.Count - granted);
    }

    private IReadOnlyList<string> TokensOf(int slot) => CampaignMints.TokenIds(Key, slot, Definition.Quantity);

    /// <summary>
    /// Gas spent, in flight, and what <paramref name="unsent"/> wallets (queued, pending and new) would take in batches
    /// of MaxBatch: the most the campaign's mints can use, compared with its budget before anything is claimed.
    /// </summary>
    private long GasCommitted(int unsent)
    {
        var batches = (unsent + _options.MaxBatch - 1) / _options.MaxBatch;
        return State.GasSpent + State.GasInFlight + batches * _options.BatchBaseGas + (long)unsent * Definition.Quantity * _options.PerMintGas;
    }
}
