namespace Commerce.Marketing.Campaigns;

/// <summary>The backfill lease: one host at a time evaluates every current player for a campaign that started.</summary>
public sealed partial class CampaignGrain
{
    public async Task<bool> TakeBackfillAsync(string host, TimeSpan lease)
    {
        if (!Exists || State.Status != CampaignStatus.Running || State.Backfilled)
            return false;
        if (State.BackfillLeaseUntil > Now && State.BackfillHost != host)
            return false;
        State = State with { BackfillHost = host, BackfillLeaseUntil = Now + lease };
        await WriteAsync();
        return true;
    }

    public async Task CompleteBackfillAsync()
    {
        if (!Exists || State.Backfilled)
            return;
        State = State with { Backfilled = true, BackfillLeaseUntil = null };
        await WriteAsync();
    }
}
