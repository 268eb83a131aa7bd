using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Commerce.Actors.Tests;

public sealed partial class RedeliveryTests
{
    /// <summary>
    /// The item grain interleaves calls and coalesces their writes: a call arriving while a write is in flight goes into
    /// the next one. When the write in flight fails, its caller is told and asks again; what that call changed must not
    /// reach the store without what it did (its ledger entry, its published fact), or the repeat, finding the change
    /// made, does nothing and the entry and the fact are lost for good.
    /// </summary>
    [Fact]
    public async Task A_sale_whose_write_failed_while_another_call_waited_keeps_its_ledger_entry_and_its_fact()
    {
        using var database = new TempDatabase();
        await using var sqlite = new SqliteGrainStore(database.ConnectionString, TimeProvider.System);
        await sqlite.InitializeAsync(CancellationToken.None);
        var store = new HeldGrainStore(sqlite);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cluster = await StartHeldWriteSiloAsync(store, () => entered.TrySetResult());
        const string itemId = "dragons:42";
        const string buyer = "0x4242424242424242424242424242424242424242";
        var item = cluster.Client.GetGrain<INftItemGrain>(itemId);
        var sold = new ItemSold(itemId, "0x" + new string('4', 64), buyer, Minted: true);

        var hold = store.HoldNextWrite(NftItemGrain.TypeName, itemId);
        var sale = item.SellAsync(sold);
        Assert.Single((await hold.Reached).Ledger);
        var interest = item.RegisterInterestAsync(new ItemInterestRegistered(itemId, "0xfan", 1, DateTimeOffset.UtcNow), null);
        await entered.Task.WaitAsync(PlatformHarness.Deadline);
        hold.Fail(new TimeoutException("injected: the database did not answer"));
        await Assert.ThrowsAnyAsync<Exception>(() => sale);
        await interest;
        await item.SellAsync(sold); // the order asks again, as it does when a call failed

        var state = (NftItemState?)System.Text.Json.JsonSerializer.Deserialize(
            (await sqlite.LoadStateAsync(NftItemGrain.TypeName, itemId, CancellationToken.None))!.Json, Serialization.GrainJsonContext.Default.NftItemState);
        Assert.Equal((ItemStatus.Minted, buyer, 1L), (state!.Status, state.Owner, state.InterestTotal));
        var entries = await sqlite.ReadLedgerAsync(0, 100, CancellationToken.None);
        Assert.Equal([(itemId, "nft.minted")], entries.Select(e => (e.Write.Key,
            System.Text.Json.JsonDocument.Parse(e.Write.Entry).RootElement.GetProperty("kind").GetString())));
        await using var outbox = await sqlite.LeaseOutboxAsync(100, CancellationToken.None);
        Assert.Single(outbox.Records.SelectMany(r => r.Messages),
            m => m.Topic == TopicCatalog.ItemEvents.Name && EnvelopeSerializer.Deserialize(m.Value).Payload is ItemSold);
    }

    /// <summary>
    /// A caller whose call timed out asks again with the same Kafka origin while the item's write of the first call is
    /// still in flight. The repeat finds the record applied in memory; it may answer only once that is stored, or a
    /// failure of the write in flight loses the interest for good (the caller, answered, never asks again).
    /// </summary>
    [Fact]
    public async Task A_repeated_call_answers_only_once_what_the_first_one_changed_is_stored()
    {
        using var database = new TempDatabase();
        await using var sqlite = new SqliteGrainStore(database.ConnectionString, TimeProvider.System);
        await sqlite.InitializeAsync(CancellationToken.None);
        var store = new HeldGrainStore(sqlite);
        var calls = 0;
        var repeatEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cluster = await StartHeldWriteSiloAsync(store, () =>
        {
            if (Interlocked.Increment(ref calls) == 2)
                repeatEntered.TrySetResult();
        });
        const string itemId = "dragons:43";
        var item = cluster.Client.GetGrain<INftItemGrain>(itemId);
        var interest = new ItemInterestRegistered(itemId, "0xfan", 1, DateTimeOffset.UtcNow);
        var origin = new Origin(TopicCatalog.PlayerEvents.Name, 0, 7, "epoch", 6);

        var hold = store.HoldNextWrite(NftItemGrain.TypeName, itemId);
        var first = item.RegisterInterestAsync(interest, origin);
        await hold.Reached;
        var repeat = item.RegisterInterestAsync(interest, origin);
        await repeatEntered.Task.WaitAsync(PlatformHarness.Deadline);
        hold.Fail(new TimeoutException("injected: the database did not answer"));
        await Assert.ThrowsAnyAsync<Exception>(() => first);
        await repeat.WaitAsync(PlatformHarness.Deadline);

        var stored = await sqlite.LoadStateAsync(NftItemGrain.TypeName, itemId, CancellationToken.None);
        var state = stored is null ? null : System.Text.Json.JsonSerializer.Deserialize(stored.Json, Serialization.GrainJsonContext.Default.NftItemState);
        Assert.True(state?.InterestTotal == 1,
            $"expected the interest stored once after the repeat was answered, the store holds {state?.InterestTotal.ToString() ?? "no item"}");
    }

    /// <summary>
    /// One silo over <paramref name="store"/> (whose writes a test can hold and fail; custody accounts take the tests'
    /// deposit key), calling
    /// <paramref name="interestCallEntered"/> each time an item's RegisterInterestAsync has run up to its first await:
    /// the item's change is made and its write queued.
    /// </summary>
    private static async Task<InProcessTestCluster> StartHeldWriteSiloAsync(HeldGrainStore store, Action interestCallEntered)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IGrainStore>(store);
            silo.Services.AddSingleton<OutboxSignal>();
            silo.Services.AddSingleton(Options.Create(new OrderOptions()));
            silo.Services.AddSingleton(Options.Create(new Custody.CustodyOptions { DepositKey = Convert.ToBase64String(GrainCluster.DepositKey) }));
            silo.UseCommerceGrains();
            silo.AddIncomingGrainCallFilter(async context =>
            {
                var call = context.Invoke();
                if (context.InterfaceMethod.Name == nameof(INftItemGrain.RegisterInterestAsync))
                    interestCallEntered();
                await call;
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
