using Commerce.Actors.Tests.Harness;
using Commerce.Events.Chain;
using Commerce.Events.Topics;
using Commerce.Marketing.Campaigns;
using Commerce.Marketing.Recipients;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Marketing.Tests;

/// <summary>The grain test cluster with the campaign grains, and what a campaign test needs of it.</summary>
public sealed class CampaignCluster : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    public const string Contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    private CampaignCluster(GrainCluster grains) => Grains = grains;

    public GrainCluster Grains { get; }

    /// <summary>The flush timer is set far out: a test sends the queue when it says so (<see cref="ICampaignGrain.FlushAsync"/>).</summary>
    public static async Task<CampaignCluster> StartAsync(short silos = 1) =>
        new(await GrainCluster.StartAsync(T0, silos: silos, services: s => s.AddCampaignGrains()
            .Configure<CampaignOptions>(o => o.FlushInterval = TimeSpan.FromHours(1))));

    public ICampaignGrain Campaign(string id) => Grains.Grains.GetGrain<ICampaignGrain>(id);

    public Task<RecipientState> RecipientAsync(string id, string wallet) =>
        Grains.Grains.GetGrain<ICampaignRecipientGrain>(CampaignRecipientGrain.KeyOf(id, wallet)).GetAsync();

    public static CampaignDefinition Definition(int supplyCap = 100, long gasBudget = 10_000_000, int quantity = 1, string rule = "tier == 'gold'") =>
        new("Winter drop", "dragons", Contract, "Frost egg", quantity, supplyCap, Math.Max(quantity, 2), gasBudget, null, null, rule);

    /// <summary>A running campaign.</summary>
    public async Task<ICampaignGrain> RunningAsync(string id, CampaignDefinition definition)
    {
        var campaign = Campaign(id);
        Assert.Equal(CampaignProblem.None, (await campaign.CreateAsync(definition, "alice@studio")).Problem);
        Assert.Equal(CampaignStatus.Running, (await campaign.StartAsync("alice@studio")).Campaign!.Status);
        return campaign;
    }

    /// <summary>The chain commands the grains published since the last call.</summary>
    public async Task<IReadOnlyList<ChainCommandRequested>> CommandsAsync() =>
        [.. (await Grains.PublishedAsync(TopicCatalog.ChainCommands)).Cast<ChainCommandRequested>()];

    public static ChainTransactionUpdated Word(string commandId, string stage, string? tx = "0xfeed", string? reason = null) =>
        new(commandId, stage, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", 1, tx, null, 10, "0xb10c", "1", reason, T0);

    public static string Wallet(int i) => $"0x{i:x40}";

    public ValueTask DisposeAsync() => Grains.DisposeAsync();
}
