using Commerce.Events.Chain;

namespace Commerce.Marketing.Campaigns;

/// <summary>One airdrop campaign. Key: the campaign id (lowercase letters, digits, '-'). <paramref name="by"/>: who acts (audited).</summary>
[Alias("commerce.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<CampaignAnswer> CreateAsync(CampaignDefinition definition, string by);

    /// <summary>Replaces the definition if the campaign is still at <paramref name="expectedVersion"/> (Conflict otherwise).</summary>
    [Alias("Edit")] Task<CampaignAnswer> EditAsync(CampaignDefinition definition, int expectedVersion, string by);

    /// <summary>Draft -> scheduled: it runs from its startsAt (at once if that has passed).</summary>
    [Alias("Schedule")] Task<CampaignAnswer> ScheduleAsync(string by);

    /// <summary>Draft or scheduled -> running now.</summary>
    [Alias("Start")] Task<CampaignAnswer> StartAsync(string by);

    [Alias("Pause")] Task<CampaignAnswer> PauseAsync(string by);

    [Alias("Resume")] Task<CampaignAnswer> ResumeAsync(string by);

    /// <summary>-> finished for good (batches already sent still complete).</summary>
    [Alias("Stop")] Task<CampaignAnswer> StopAsync(string by);

    /// <summary>Puts failed wallets (all when <paramref name="wallets"/> is empty) back into the queue for a new batch.</summary>
    [Alias("Retry")] Task<CampaignAnswer> RetryAsync(IReadOnlyList<string> wallets, string by);

    [Alias("Get")] Task<CampaignState?> GetAsync();

    /// <summary>Wallets the rule matched (the live stream or the backfill): each is claimed at most once, within the cap and the budget.</summary>
    [Alias("Target")] Task<TargetResult> TargetAsync(IReadOnlyList<string> wallets);

    /// <summary>The executor's word on one of this campaign's batches.</summary>
    [Alias("ApplyTransaction")] Task ApplyTransactionAsync(ChainTransactionUpdated update);

    /// <summary>Sends the queued wallets as batches now (also done on a timer and when a batch is full).</summary>
    [Alias("Flush")] Task FlushAsync();

    /// <summary>Takes the backfill of a running campaign for <paramref name="lease"/> if nobody holds it (true) or it is done (false).</summary>
    [Alias("TakeBackfill")] Task<bool> TakeBackfillAsync(string host, TimeSpan lease);

    [Alias("CompleteBackfill")] Task CompleteBackfillAsync();
}
