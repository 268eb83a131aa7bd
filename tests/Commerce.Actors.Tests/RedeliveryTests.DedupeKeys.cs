using Commerce.Actors.Custody;
using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;

namespace Commerce.Actors.Tests;

public sealed partial class RedeliveryTests
{
    /// <summary>
    /// A grain keeps the dedupe keys of a Kafka batch in memory only while the batch is in flight (CommerceGrain): a
    /// long-lived activation does not grow with every key it saw, and a key seen again in a later batch is asked of the
    /// store, which still answers that its effect was applied.
    /// </summary>
    [Fact]
    public async Task A_deposit_seen_again_in_a_later_batch_is_asked_of_the_store_and_credits_nothing()
    {
        using var database = new TempDatabase();
        await using var sqlite = new SqliteGrainStore(database.ConnectionString, TimeProvider.System);
        await sqlite.InitializeAsync(CancellationToken.None);
        var store = new HeldGrainStore(sqlite);
        await using var cluster = await StartHeldWriteSiloAsync(store, () => { });
        var wallet = "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];
        var account = cluster.Client.GetGrain<ICustodyAccountGrain>(wallet);
        var deposit = EventEnvelope.Create(wallet, GrainCluster.Marked(new DepositObserved(wallet, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "1000", "0xd1", 10, "0xb1", true, false)), DateTimeOffset.UtcNow);

        await account.ApplyAsync(new IngressBatch("custody-events-a", 0, "epoch-1", 0, [new IngressRecord(1, deposit)]));
        Assert.Equal(1, store.DedupeKeyLookups);
        // The same deposit again from another topic (so no applied-offset window answers for it), same activation.
        await account.ApplyAsync(new IngressBatch("custody-events-b", 0, "epoch-1", 0, [new IngressRecord(1, deposit)]));

        Assert.True(store.DedupeKeyLookups == 2, $"expected the second batch to ask the store (the first batch's keys forgotten), it asked {store.DedupeKeyLookups} times in all");
        var stored = await sqlite.LoadStateAsync(CustodyAccountGrain.TypeName, wallet, CancellationToken.None);
        var state = System.Text.Json.JsonSerializer.Deserialize(stored!.Json, Serialization.GrainJsonContext.Default.CustodyAccountState)!;
        Assert.Equal(("1000", "1000"), (state.Available, state.Credited));
    }
}
