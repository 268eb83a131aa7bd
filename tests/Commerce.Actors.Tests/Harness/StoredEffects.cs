using System.Text;
using System.Text.Json;
using Commerce.Actors.Ledger;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Serialization;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests.Harness;

/// <summary>
/// What one key's grains left in a <see cref="GrainCluster"/>'s store, read by key (the cluster is shared by a test
/// class, and each test reads only its own keys): every outbox record ever written for a key, a grain's pending
/// reminders and its ledger entries.
/// </summary>
public static class StoredEffects
{
    /// <summary>Every record published on <paramref name="topic"/> under <paramref name="key"/>, oldest first (outbox rows are never removed here: no relay runs).</summary>
    public static Task<IReadOnlyList<IEvent>> OutboxOfAsync(this GrainCluster cluster, TopicDefinition topic, string key) =>
        cluster.OutboxOfAsync(topic, k => k == key);

    /// <summary>Every record published on <paramref name="topic"/> under a key <paramref name="keys"/> accepts, oldest first.</summary>
    public static async Task<IReadOnlyList<IEvent>> OutboxOfAsync(this GrainCluster cluster, TopicDefinition topic, Func<string, bool> keys)
    {
        await using var lease = await cluster.Store.LeaseOutboxAsync(100_000, CancellationToken.None);
        return [.. lease.Records.SelectMany(r => r.Messages)
            .Where(m => m.Topic == topic.Name && keys(m.Key))
            .Select(m => EnvelopeSerializer.Deserialize(m.Value).Payload)];
    }

    /// <summary>The OrderUpdated pushes the player's session sent (commerce.player-pushes), oldest first.</summary>
    public static async Task<IReadOnlyList<OrderUpdated>> OrderPushesOfAsync(this GrainCluster cluster, string playerId)
    {
        var info = EventJsonContext.Default.GetTypeInfo(typeof(OrderUpdated))!;
        return [.. (await cluster.OutboxOfAsync(TopicCatalog.PlayerPushes, playerId)).Cast<PlayerPushed>()
            .Where(p => p.Kind == "OrderUpdated")
            .Select(p => (OrderUpdated)JsonSerializer.Deserialize(p.BodyJson, info)!)];
    }

    /// <summary>A grain's pending reminders as stored with its state: name -> (due time, message).</summary>
    public static async Task<IReadOnlyDictionary<string, (DateTimeOffset DueAt, IEvent Message)>> PendingRemindersOfAsync(
        this GrainCluster cluster, string grainType, string key)
    {
        var stored = await cluster.Store.LoadStateAsync(grainType, key, CancellationToken.None)
            ?? throw new InvalidOperationException($"{grainType} {key} was never stored");
        var runtime = stored.Origins is { } json ? JsonSerializer.Deserialize(json, GrainJsonContext.Default.GrainRuntimeRecord) : null;
        return (runtime?.Reminders ?? new Dictionary<string, PendingReminder>()).ToDictionary(
            r => r.Key,
            r => (r.Value.DueAt, EnvelopeSerializer.Deserialize(Encoding.UTF8.GetBytes(r.Value.EnvelopeJson)).Payload));
    }

    /// <summary>The ledger entries a grain appended, oldest first.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> LedgerOfAsync(this GrainCluster cluster, string grainType, string key)
    {
        var entries = new List<LedgerEntry>();
        var after = 0L;
        while (true)
        {
            var rows = await cluster.Store.ReadLedgerAsync(after, 1000, CancellationToken.None);
            if (rows.Count == 0)
                return entries;
            entries.AddRange(rows.Where(r => r.Write.GrainType == grainType && r.Write.Key == key)
                .Select(r => JsonSerializer.Deserialize(r.Write.Entry, LedgerJsonContext.Default.LedgerEntry)!));
            after = rows[^1].Seq;
        }
    }
}
