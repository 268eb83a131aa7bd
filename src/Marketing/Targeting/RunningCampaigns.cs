using Commerce.Marketing.Campaigns;
using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Targeting;

/// <summary>
/// The running campaigns and their compiled rules, read from the store at most once per <see cref="MaxAge"/> (a
/// campaign paused meanwhile is still asked, and its grain, which decides, takes nobody).
/// </summary>
public sealed class RunningCampaigns(CampaignCatalog catalog, RuleCompiler rules, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, CompiledRule> _compiled = new(StringComparer.Ordinal);
    private IReadOnlyList<RunningCampaign> _current = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<RunningCampaign>> GetAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _readAt < MaxAge)
            return _current;
        await _gate.WaitAsync(ct);
        try
        {
            if (clock.GetUtcNow() - _readAt < MaxAge)
                return _current;
            var running = new List<RunningCampaign>();
            foreach (var campaign in await catalog.ListAsync(ct))
            {
                if (campaign.Status != CampaignStatus.Running || campaign.Definition is null)
                    continue;
                var text = campaign.Definition.Rule;
                if (!_compiled.TryGetValue(text, out var rule) && rules.Check(text).Rule is { } compiled)
                    _compiled[text] = rule = compiled;
                if (rule is not null)
                    running.Add(new RunningCampaign(campaign.CampaignId, rule, campaign.Backfilled));
            }
            _current = running;
            _readAt = clock.GetUtcNow();
            return running;
        }
        finally
        {
            _gate.Release();
        }
    }
}
