using Commerce.Events.Campaigns;
using Commerce.Events.Chain;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Marketing.Campaigns;
using Commerce.Marketing.Recipients;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Contracts;
using static Commerce.Marketing.Tests.CampaignCluster;

namespace Commerce.Marketing.Tests;

/// <summary>Claims, batches and the executor's words: at most once per (campaign, wallet), within the cap and the gas budget.</summary>
public sealed class CampaignDeliveryTests : IAsyncLifetime
{
    private static readonly CampaignOptions Options = new();
    private CampaignCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Targeted_wallets_are_claimed_once_minted_in_one_batch_and_delivered_with_a_push()
    {
        var campaign = await _cluster.RunningAsync("drop", Definition(quantity: 2));
        await _cluster.CommandsAsync();

        var first = await campaign.TargetAsync([Wallet(1), Wallet(2), Wallet(1)]);
        var repeat = await campaign.TargetAsync([Wallet(2), Wallet(3)]);
        await campaign.FlushAsync();
        var commands = await _cluster.CommandsAsync();

        Assert.Equal((2, 0), (first.Claimed, first.AlreadyClaimed));
        Assert.Equal((1, 1), (repeat.Claimed, repeat.AlreadyClaimed));
        var command = Assert.Single(commands);
        Assert.Equal((CampaignMints.CommandId("drop", 1), CampaignMints.Kind, CampaignCluster.Contract, "0"), (command.CommandId, command.Kind, command.To, command.ValueWei));
        Assert.Equal((ulong)CampaignMints.GasLimit(6, Options), command.GasLimit);
        var call = new Chain.Contracts.Messages.GameItemFunctions.MintBatch().DecodeInput(command.Data);
        Assert.Equal([Wallet(1), Wallet(1), Wallet(2), Wallet(2), Wallet(3), Wallet(3)], call.Recipients.Select(r => r.ToLowerInvariant()));
        Assert.Equal(6, call.TokenIds.Distinct().Count());
        Assert.Equal(CampaignMints.TokenIds("drop", 0, 2), call.TokenIds.Take(2).Select(t => t.ToString()));

        await _cluster.Grains.ClearPublishedAsync();
        await campaign.ApplyTransactionAsync(Word(command.CommandId, ChainTransactionUpdated.Submitted));
        await campaign.ApplyTransactionAsync(Word(command.CommandId, ChainTransactionUpdated.Confirmed));
        await campaign.ApplyTransactionAsync(Word(command.CommandId, ChainTransactionUpdated.Confirmed)); // redelivered

        var state = (await campaign.GetAsync())!;
        Assert.Equal((3, 0, 0, CampaignMints.GasLimit(6, Options)), (state.Delivered, state.Pending, state.Failed.Count, state.GasSpent));
        Assert.Equal(3, state.DeliveriesPerMinute.Single().Delivered);
        var recipient = await _cluster.RecipientAsync("drop", Wallet(2));
        Assert.Equal((RecipientStatus.Delivered, "0xfeed", 1), (recipient.Status, recipient.TransactionHash, recipient.Batch));
        var pushes = (await _cluster.Grains.PublishedAsync(TopicCatalog.PlayerPushes)).Cast<PlayerPushed>().Where(p => p.Kind == nameof(AirdropDelivered)).ToList();
        Assert.Equal([Wallet(1), Wallet(2), Wallet(3)], pushes.Select(p => p.PlayerId).Order());
    }

    [Fact]
    public async Task No_pair_is_delivered_twice_across_restarts_and_redeliveries()
    {
        var campaign = await _cluster.RunningAsync("restarts", Definition());
        await campaign.TargetAsync([Wallet(1), Wallet(2)]);
        await campaign.FlushAsync();
        var firstBatch = Assert.Single(await _cluster.CommandsAsync());
        await campaign.ApplyTransactionAsync(Word(firstBatch.CommandId, ChainTransactionUpdated.Confirmed));

        // A restart of every grain concerned, then the stream and the backfill hand the same wallets again.
        await _cluster.Grains.DeactivateAsync<ICampaignGrain>("restarts");
        await _cluster.Grains.DeactivateAsync<ICampaignRecipientGrain>(CampaignRecipientGrain.KeyOf("restarts", Wallet(1)));
        var again = await campaign.TargetAsync([Wallet(1), Wallet(2), Wallet(3)]);
        await campaign.FlushAsync();
        var secondBatch = Assert.Single(await _cluster.CommandsAsync());
        await campaign.ApplyTransactionAsync(Word(firstBatch.CommandId, ChainTransactionUpdated.Confirmed)); // a late repeat of the first batch

        Assert.Equal((1, 2), (again.Claimed, again.AlreadyClaimed));
        var minted = new Chain.Contracts.Messages.GameItemFunctions.MintBatch().DecodeInput(secondBatch.Data).Recipients;
        Assert.Equal([Wallet(3)], minted.Select(r => r.ToLowerInvariant()));
        var state = (await campaign.GetAsync())!;
        Assert.Equal((2, 1, 3), (state.Delivered, state.Pending, state.SlotsTaken));
    }

    [Fact]
    public async Task The_supply_cap_holds_when_two_hosts_target_the_same_campaign_at_once()
    {
        await using var two = await StartAsync(silos: 2);
        var campaign = await two.RunningAsync("cap", Definition(supplyCap: 25));
        var silos = two.Grains.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>()).ToList();
        Assert.Equal(2, silos.Count);

        // Each host hands 60 wallets in 6 calls at once, half of them the other's too.
        var calls = silos.SelectMany((grains, host) => Enumerable.Range(0, 6).Select(chunk =>
            grains.GetGrain<ICampaignGrain>("cap").TargetAsync([.. Enumerable.Range(host * 30 + chunk * 10, 10).Select(Wallet)]))).ToList();
        var results = await Task.WhenAll(calls);
        await campaign.FlushAsync();

        var state = (await campaign.GetAsync())!;
        Assert.Equal(25, results.Sum(r => r.Claimed));
        Assert.Equal((25, CampaignStatus.Finished, CampaignEndReason.SupplyCapReached), (state.SlotsTaken, state.Status, state.EndReason));
        var minted = (await two.CommandsAsync()).SelectMany(c => new Chain.Contracts.Messages.GameItemFunctions.MintBatch().DecodeInput(c.Data).TokenIds).ToList();
        Assert.Equal(25, minted.Count);
        Assert.Equal(25, minted.Distinct().Count());
        var recipients = await Task.WhenAll(Enumerable.Range(0, 90).Select(i => two.RecipientAsync("cap", Wallet(i))));
        var claimed = recipients.Where(r => r.Status != RecipientStatus.None).ToList();
        Assert.Equal(25, claimed.Count);
        Assert.Equal(25, claimed.Select(r => r.Slot).Distinct().Count());
    }

    [Fact]
    public async Task A_paused_campaign_takes_nobody_and_sends_nothing_until_resumed()
    {
        var campaign = await _cluster.RunningAsync("pause", Definition());
        await campaign.TargetAsync([Wallet(1)]);
        await _cluster.CommandsAsync();
        await campaign.PauseAsync("alice@studio");

        var whilePaused = await campaign.TargetAsync([Wallet(2)]);
        await campaign.FlushAsync();
        var sentWhilePaused = await _cluster.CommandsAsync();
        await campaign.ResumeAsync("alice@studio");
        await campaign.FlushAsync();
        var sentAfter = await _cluster.CommandsAsync();

        Assert.Equal((0, 1, CampaignStatus.Paused), (whilePaused.Claimed, whilePaused.NotTaken, whilePaused.Status));
        Assert.Empty(sentWhilePaused);
        Assert.Equal([Wallet(1)], new Chain.Contracts.Messages.GameItemFunctions.MintBatch().DecodeInput(Assert.Single(sentAfter).Data).Recipients.Select(r => r.ToLowerInvariant()));
        Assert.Equal(RecipientStatus.None, (await _cluster.RecipientAsync("pause", Wallet(2))).Status);
    }

    [Fact]
    public async Task When_the_gas_budget_is_spent_the_campaign_ends_and_its_batches_stay_within_it()
    {
        // Room for one batch of three mints, not four.
        var budget = CampaignMints.GasLimit(3, Options) + Options.PerMintGas / 2;
        var campaign = await _cluster.RunningAsync("gas", Definition(gasBudget: budget));
        await _cluster.Grains.ClearPublishedAsync();

        var result = await campaign.TargetAsync([.. Enumerable.Range(1, 5).Select(Wallet)]);
        var ended = await _cluster.Grains.PublishedAsync(TopicCatalog.CampaignEvents);
        await campaign.FlushAsync();

        Assert.Equal((3, 2), (result.Claimed, result.NotTaken));
        var state = (await campaign.GetAsync())!;
        Assert.Equal((CampaignStatus.Finished, CampaignEndReason.GasBudgetExhausted), (state.Status, state.EndReason));
        var command = Assert.Single(await _cluster.CommandsAsync());
        Assert.True((long)command.GasLimit <= budget, $"a batch of {command.GasLimit} gas within the budget of {budget}");
        Assert.IsType<CampaignEnded>(Assert.Single(ended));
    }

    [Fact]
    public async Task A_failed_batch_shows_its_wallets_failed_and_a_retry_mints_them_in_a_new_batch()
    {
        var campaign = await _cluster.RunningAsync("retry", Definition());
        await campaign.TargetAsync([Wallet(1), Wallet(2)]);
        await campaign.FlushAsync();
        var first = Assert.Single(await _cluster.CommandsAsync());

        await campaign.ApplyTransactionAsync(Word(first.CommandId, ChainTransactionUpdated.Failed, reason: "reverted: out of gas"));
        var failed = (await campaign.GetAsync())!;
        var recipient = await _cluster.RecipientAsync("retry", Wallet(2));
        var retried = await campaign.RetryAsync([Wallet(2)], "bob@studio");
        await campaign.FlushAsync();
        var second = Assert.Single(await _cluster.CommandsAsync());

        Assert.Equal([Wallet(1), Wallet(2)], failed.Failed.Select(f => f.Wallet));
        Assert.Contains("out of gas", failed.LastError);
        Assert.Equal((RecipientStatus.Failed, "reverted: out of gas"), (recipient.Status, recipient.Reason));
        Assert.Equal([Wallet(1)], retried.Campaign!.Failed.Select(f => f.Wallet));
        Assert.Equal(CampaignMints.CommandId("retry", 2), second.CommandId);
        var call = new Chain.Contracts.Messages.GameItemFunctions.MintBatch().DecodeInput(second.Data);
        Assert.Equal(CampaignMints.TokenIds("retry", 1, 1), call.TokenIds.Select(t => t.ToString())); // the same slot, the same token
        Assert.Equal((RecipientStatus.Minting, 2), ((await _cluster.RecipientAsync("retry", Wallet(2))).Status, (await _cluster.RecipientAsync("retry", Wallet(2))).Attempts));
    }
}
