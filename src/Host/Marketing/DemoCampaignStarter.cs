using Commerce.Marketing.Campaigns;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Marketing;

/// <summary>
/// Creates and starts the demo's airdrop campaign (<see cref="DemoCampaignOptions"/>) as marketing would, once the silo
/// answers; the players the simulator brings match it live as they show interest.
/// </summary>
public sealed partial class DemoCampaignStarter(
    IOptions<DemoCampaignOptions> options, IConfiguration configuration, IGrainFactory grains, ILogger<DemoCampaignStarter> logger) : BackgroundService
{
    public const string CampaignId = "demo-airdrop";
    private const string By = "demo-marketing";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (demo.SupplyCap <= 0)
            return;
        var contract = configuration[$"Pricing:Collections:{demo.Collection}:Contract"];
        if (string.IsNullOrWhiteSpace(contract))
        {
            LogNoContract(demo.Collection);
            return;
        }
        var definition = new CampaignDefinition("Demo airdrop", demo.Collection, contract, "demo badge", 1, demo.SupplyCap, 1, demo.GasBudget, null, null, demo.Rule);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        for (var attempt = 0; attempt < 600 && await timer.WaitForNextTickAsync(stoppingToken); attempt++)
        {
            try
            {
                var campaign = grains.GetGrain<ICampaignGrain>(CampaignId);
                var state = await campaign.GetAsync();
                if (state is null)
                    Check(await campaign.CreateAsync(definition, By));
                if (state is null || state.Status == CampaignStatus.Draft)
                    Check(await campaign.StartAsync(By));
                LogStarted(CampaignId, demo.SupplyCap, demo.Rule);
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The silo is still starting.
            }
        }
        LogNotStarted(CampaignId);
    }

    private static void Check(CampaignAnswer answer)
    {
        if (answer.Problem != CampaignProblem.None)
            throw new InvalidOperationException($"the demo campaign was refused: {answer.Field}: {answer.Error}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo campaign {CampaignId} started: cap {Cap}, rule {Rule}")]
    private partial void LogStarted(string campaignId, int cap, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo campaign: no contract configured for collection {Collection}")]
    private partial void LogNoContract(string collection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo campaign {CampaignId} could not be started within 5 minutes")]
    private partial void LogNotStarted(string campaignId);
}
