using System.Text.Json;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;

namespace Commerce.Actors.Tests;

/// <summary>
/// Which Kafka records a grain counts as applied (decision D2: a redelivered record changes nothing): those at or below
/// the ingress's floor (their batch completed), and those the grain recorded in the same broker epoch.
/// </summary>
public sealed class AppliedOriginsTests
{
    private const string Topic = "commerce.player-events";
    private const string EpochA = "epoch-a";
    private const string EpochB = "epoch-b";

    [Fact]
    public void A_record_at_or_below_its_batch_floor_counts_as_applied_even_for_a_grain_that_never_saw_it()
    {
        var origins = new AppliedOrigins();

        Assert.True(origins.Contains(At(4, floor: 4)));
        Assert.True(origins.Contains(At(0, floor: 4)));
        Assert.False(origins.Contains(At(5, floor: 4)));
        Assert.Empty(origins.Windows);
    }

    [Fact]
    public void A_recorded_record_is_applied_once_and_its_neighbours_are_not()
    {
        var origins = new AppliedOrigins();

        Assert.True(origins.TryAdd(At(7, floor: 4)));
        Assert.False(origins.TryAdd(At(7, floor: 4)));
        Assert.True(origins.Contains(At(7, floor: 4)));
        Assert.False(origins.Contains(At(6, floor: 4)));
        Assert.False(origins.Contains(At(8, floor: 4)));
    }

    [Fact]
    public void A_later_floor_prunes_the_window_and_a_redelivery_from_the_start_is_recognised()
    {
        var origins = new AppliedOrigins();
        origins.TryAdd(At(5, floor: 4));
        origins.TryAdd(At(7, floor: 4));
        origins.TryAdd(At(9, floor: 7));

        var window = origins.Windows[$"{Topic}/0"];
        Assert.Equal(7, window.Floor);
        Assert.Equal([9L], window.Above);
        // After a crash the next owner reads from the last Kafka commit: its first batch has a lower floor.
        Assert.True(origins.Contains(At(5, floor: -1)));
        Assert.True(origins.Contains(At(6, floor: -1)));
        Assert.True(origins.Contains(At(9, floor: -1)));
        Assert.False(origins.Contains(At(8, floor: -1)));
        Assert.False(origins.Contains(At(10, floor: -1)));
    }

    [Fact]
    public void Records_recorded_out_of_order_are_kept_in_order()
    {
        var origins = new AppliedOrigins();
        foreach (var offset in new long[] { 9, 6, 8, 6 })
            origins.TryAdd(At(offset, floor: 4));

        Assert.Equal([6L, 8L, 9L], origins.Windows[$"{Topic}/0"].Above);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    [InlineData(15, true)]
    [InlineData(19, false)]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void A_window_holds_its_floor_and_the_offsets_above_it(long offset, bool applied) =>
        Assert.Equal(applied, new OriginWindow(EpochA, 10, [12, 15, 20]).Contains(offset));

    [Fact]
    public void Each_partition_has_a_window_of_its_own()
    {
        var origins = new AppliedOrigins();
        origins.TryAdd(At(5, floor: 4, partition: 0));

        Assert.False(origins.Contains(At(5, floor: 4, partition: 1)));
        Assert.True(origins.TryAdd(At(5, floor: 4, partition: 1)));
        Assert.Equal([$"{Topic}/0", $"{Topic}/1"], origins.Windows.Keys.Order());
    }

    [Fact]
    public void A_new_broker_epoch_starts_the_partition_anew()
    {
        var origins = new AppliedOrigins();
        origins.TryAdd(At(5, floor: 4));
        origins.TryAdd(At(9, floor: 8));

        // A broker started afresh numbers its records from 0 again: its offset 5 is another record.
        Assert.False(origins.Contains(At(5, floor: -1, epoch: EpochB)));
        Assert.True(origins.TryAdd(At(5, floor: -1, epoch: EpochB)));

        var window = origins.Windows[$"{Topic}/0"];
        Assert.Equal(EpochB, window.Epoch);
        Assert.Equal(-1, window.Floor);
        Assert.Equal([5L], window.Above);
        Assert.False(origins.Contains(At(3, floor: -1, epoch: EpochB)));
    }

    [Fact]
    public void A_clone_changes_apart_from_its_original()
    {
        var origins = new AppliedOrigins();
        origins.TryAdd(At(5, floor: 4));
        var clone = origins.Clone();

        clone.TryAdd(At(6, floor: 4));

        Assert.False(origins.Contains(At(6, floor: 4)));
        Assert.True(clone.Contains(At(5, floor: 4)));
    }

    [Fact]
    public void The_windows_are_the_same_after_a_round_trip_through_the_stored_json()
    {
        var origins = new AppliedOrigins();
        origins.TryAdd(At(5, floor: 4));
        origins.TryAdd(At(8, floor: 4));
        origins.TryAdd(At(2, floor: 1, partition: 3, epoch: EpochB));

        var json = JsonSerializer.Serialize(new GrainRuntimeRecord(origins.Windows, new Dictionary<string, PendingReminder>()),
            GrainJsonContext.Default.GrainRuntimeRecord);
        var read = new AppliedOrigins(JsonSerializer.Deserialize(json, GrainJsonContext.Default.GrainRuntimeRecord)!.Origins);

        Assert.True(read.Contains(At(5, floor: -1)));
        Assert.True(read.Contains(At(8, floor: -1)));
        Assert.False(read.Contains(At(6, floor: -1)));
        Assert.True(read.Contains(At(2, floor: -1, partition: 3, epoch: EpochB)));
        Assert.Equal(origins.Windows[$"{Topic}/0"].Above, read.Windows[$"{Topic}/0"].Above);
    }

    [Fact]
    public void The_same_event_at_another_offset_counts_as_applied_while_it_is_among_the_last_ones_kept()
    {
        var origins = new AppliedOrigins();
        var first = Guid.NewGuid();
        origins.Add(At(5, floor: 4), first);

        Assert.True(origins.Contains(At(40, floor: 30), first));
        Assert.False(origins.Contains(At(40, floor: 30), Guid.NewGuid()));

        for (var n = 0; n < AppliedOrigins.RecentEventCapacity - 1; n++)
            origins.Add(At(6 + n, floor: 4), Guid.NewGuid());
        Assert.True(origins.Contains(At(100, floor: 90), first));
        origins.Add(At(99, floor: 4), Guid.NewGuid());
        Assert.False(origins.Contains(At(100, floor: 90), first));
        Assert.Equal(AppliedOrigins.RecentEventCapacity, origins.RecentEvents.Count);
    }

    [Fact]
    public void The_recent_events_survive_the_stored_json_and_rows_written_before_them_read_as_none()
    {
        var origins = new AppliedOrigins();
        var id = Guid.NewGuid();
        origins.Add(At(5, floor: 4), id);

        var json = JsonSerializer.Serialize(new GrainRuntimeRecord(origins.Windows, new Dictionary<string, PendingReminder>(), origins.RecentEvents),
            GrainJsonContext.Default.GrainRuntimeRecord);
        var stored = JsonSerializer.Deserialize(json, GrainJsonContext.Default.GrainRuntimeRecord)!;
        var olderJson = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        Assert.True(olderJson.Remove(olderJson.Single(p => p.Key.Equals(nameof(GrainRuntimeRecord.RecentEvents), StringComparison.OrdinalIgnoreCase)).Key));
        var older = JsonSerializer.Deserialize(olderJson.ToJsonString(), GrainJsonContext.Default.GrainRuntimeRecord)!;

        Assert.True(new AppliedOrigins(stored.Origins, stored.RecentEvents).Contains(At(50, floor: 40), id));
        Assert.Empty(new AppliedOrigins(older.Origins, older.RecentEvents).RecentEvents);
    }

    private static Origin At(long offset, long floor, int partition = 0, string epoch = EpochA) =>
        new(Topic, partition, offset, epoch, floor);
}
