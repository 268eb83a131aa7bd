using Commerce.Events.Campaigns;
using Commerce.Events.Topics;
using Commerce.Marketing.Campaigns;

namespace Commerce.Marketing.Tests;

/// <summary>A campaign's definition, its versioned and audited edits, and its states.</summary>
public sealed class CampaignLifecycleTests : IAsyncLifetime
{
    private CampaignCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CampaignCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Every_edit_makes_a_version_with_who_when_and_what_changed_and_a_stale_edit_is_refused()
    {
        var campaign = _cluster.Campaign("audit");
        var created = await campaign.CreateAsync(CampaignCluster.Definition(), "alice@studio");
        var edited = await campaign.EditAsync(CampaignCluster.Definition(supplyCap: 250, rule: "tier == 'gold' && orders > 1"), 1, "bob@studio");
        var stale = await campaign.EditAsync(CampaignCluster.Definition(supplyCap: 300), 1, "carol@studio");

        Assert.Equal(1, created.Campaign!.Version);
        var edit = edited.Campaign!.Edits[^1];
        Assert.Equal((2, "bob@studio", "edited", CampaignCluster.T0), (edit.Version, edit.By, edit.Action, edit.At));
        Assert.Equal(["supplyCap: 100 -> 250", "rule: tier == 'gold' -> tier == 'gold' && orders > 1"], edit.Changes);
        Assert.Equal((CampaignProblem.Conflict, "version"), (stale.Problem, stale.Field));
        Assert.Equal(250, (await campaign.GetAsync())!.Definition!.SupplyCap);
    }

    [Fact]
    public async Task A_rule_that_does_not_check_is_refused_on_save_with_its_position_and_nothing_is_stored()
    {
        var campaign = _cluster.Campaign("bad-rule");

        var refused = await campaign.CreateAsync(CampaignCluster.Definition(rule: "tier == 'gold' && levle > 3"), "alice@studio");

        Assert.Equal((CampaignProblem.Invalid, "rule", 18), (refused.Problem, refused.Field, refused.Position));
        Assert.Contains("1:19: unknown variable 'levle'", refused.Error);
        Assert.Null(await campaign.GetAsync());
    }

    [Theory]
    [InlineData("contract", "0x123")]
    [InlineData("quantity", "0")]
    [InlineData("supplyCap", "0")]
    [InlineData("gasBudget", "0")]
    public async Task A_bad_field_is_refused_by_name(string field, string value)
    {
        var d = CampaignCluster.Definition();
        d = field switch
        {
            "contract" => d with { Contract = value },
            "quantity" => d with { Quantity = int.Parse(value) },
            "supplyCap" => d with { SupplyCap = int.Parse(value) },
            _ => d with { GasBudget = long.Parse(value) },
        };

        var refused = await _cluster.Campaign($"bad-{field.ToLowerInvariant()}").CreateAsync(d, "alice@studio");

        Assert.Equal((CampaignProblem.Invalid, field), (refused.Problem, refused.Field));
    }

    [Fact]
    public async Task Draft_scheduled_running_paused_finished_and_the_kafka_records_of_start_and_end()
    {
        var campaign = _cluster.Campaign("states");
        var start = CampaignCluster.T0.AddMinutes(10);
        await campaign.CreateAsync(CampaignCluster.Definition() with { StartsAt = start, EndsAt = start.AddHours(1) }, "alice@studio");
        await _cluster.Grains.ClearPublishedAsync();

        var scheduled = await campaign.ScheduleAsync("alice@studio");
        var early = await campaign.PauseAsync("alice@studio");
        _cluster.Grains.Clock.Advance(TimeSpan.FromMinutes(10));
        await _cluster.Grains.TickAsync<ICampaignGrain>("states", "start");
        var running = await campaign.GetAsync();
        var paused = await campaign.PauseAsync("bob@studio");
        var resumed = await campaign.ResumeAsync("bob@studio");
        var stopped = await campaign.StopAsync("carol@studio");
        var again = await campaign.ResumeAsync("carol@studio");

        Assert.Equal(CampaignStatus.Scheduled, scheduled.Campaign!.Status);
        Assert.Equal((CampaignProblem.Conflict, "status"), (early.Problem, early.Field));
        Assert.Equal(CampaignStatus.Running, running!.Status);
        Assert.Equal(CampaignStatus.Paused, paused.Campaign!.Status);
        Assert.Equal(CampaignStatus.Running, resumed.Campaign!.Status);
        Assert.Equal((CampaignStatus.Finished, CampaignEndReason.Stopped), (stopped.Campaign!.Status, stopped.Campaign.EndReason));
        Assert.Equal(CampaignProblem.Conflict, again.Problem);
        Assert.Equal(["created", "scheduled", "started", "paused", "resumed", "stopped"], stopped.Campaign.Edits.Select(e => e.Action));
        var published = await _cluster.Grains.PublishedAsync(TopicCatalog.CampaignEvents);
        Assert.Equal([typeof(CampaignStarted), typeof(CampaignEnded)], published.Select(p => p.GetType()));
        var started = (CampaignStarted)published[0];
        Assert.Equal(("states", "dragons", start, start.AddHours(1)), (started.CampaignId, started.Collection, started.From, started.Until));
    }

    [Fact]
    public async Task The_window_end_finishes_a_running_campaign()
    {
        var campaign = _cluster.Campaign("window");
        await campaign.CreateAsync(CampaignCluster.Definition() with { EndsAt = CampaignCluster.T0.AddHours(2) }, "alice@studio");
        await campaign.StartAsync("alice@studio");
        _cluster.Grains.Clock.Advance(TimeSpan.FromHours(2));

        await _cluster.Grains.TickAsync<ICampaignGrain>("window", "end");

        var ended = await campaign.GetAsync();
        Assert.Equal((CampaignStatus.Finished, CampaignEndReason.WindowEnded), (ended!.Status, ended.EndReason));
    }
}
