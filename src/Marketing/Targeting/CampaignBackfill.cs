using Commerce.Marketing.Campaigns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Marketing.Targeting;

/// <summary>
/// When a campaign starts, its rule is evaluated over every current player (the stored sessions) and the matches are
/// handed to the campaign, which claims each pair at most once. One host at a time per campaign (a lease in the
/// campaign's grain); a host that dies leaves the lease to run out and another takes it over from the start.
/// </summary>
public sealed partial class CampaignBackfill(
    RunningCampaigns running, PlayerScan players, IGrainFactory grains, ILogger<CampaignBackfill> logger) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Wallets per call to the campaign.</summary>
    public const int Chunk = 500;

    private readonly string _host = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Poll);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var campaign in await running.GetAsync(stoppingToken))
                {
                    if (!campaign.Backfilled)
                        await BackfillAsync(campaign, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    /// <summary>Evaluates the rule over every player and targets the matches; false when the campaign stopped taking them.</summary>
    public async Task<bool> BackfillAsync(RunningCampaign campaign, CancellationToken ct)
    {
        var grain = grains.GetGrain<ICampaignGrain>(campaign.CampaignId);
        if (!await grain.TakeBackfillAsync(_host, Lease))
            return false;
        var matched = 0;
        await foreach (var page in players.PagesAsync(campaign.Rule.Reads, ct))
        {
            var (matches, _) = RuleEvaluation.Evaluate(campaign.Rule, page);
            matched += matches.Count;
            foreach (var chunk in matches.Chunk(Chunk))
            {
                var result = await grain.TargetAsync(chunk);
                if (result.Status != CampaignStatus.Running)
                {
                    LogStopped(campaign.CampaignId, result.Status);
                    return false; // paused or ended: a resumed campaign's stream goes on, the backfill is not taken again
                }
            }
        }
        await grain.CompleteBackfillAsync();
        LogDone(campaign.CampaignId, matched);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: backfill done, {Matched} players matched")]
    private partial void LogDone(string campaignId, int matched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: backfill stopped, the campaign is {Status}")]
    private partial void LogStopped(string campaignId, CampaignStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign backfill failed; tried again")]
    private partial void LogFailed(Exception ex);
}
