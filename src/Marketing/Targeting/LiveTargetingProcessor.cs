using Commerce.Actors.PlayerSession;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Marketing.Campaigns;
using Commerce.Marketing.Rules;
using Commerce.Messaging.Consuming;
using Confluent.Kafka;

namespace Commerce.Marketing.Targeting;

/// <summary>
/// One partition of commerce.player-events for the running campaigns: the players a batch names are read from the
/// store once, each record's facts laid over (<see cref="LiveContextOverlay"/>), every running rule evaluated, and the
/// matches handed to their campaigns before the batch returns (its offsets are stored only then; a redelivered batch
/// is harmless, the pairs are claimed at most once). Unreadable records are skipped: the session's ingress dead-letters them.
/// </summary>
internal sealed class LiveTargetingProcessor(RunningCampaigns running, IGrainStore store, IGrainFactory grains, TimeProvider clock) : IPartitionProcessor
{
    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var campaigns = await running.GetAsync(ct);
        if (campaigns.Count == 0)
            return;
        var facts = new List<EventEnvelope>(batch.Count);
        foreach (var record in batch)
        {
            try
            {
                facts.Add(EnvelopeSerializer.Deserialize(record.Message.Value));
            }
            catch (InvalidEventException)
            {
            }
        }
        var keys = facts.Select(f => f.Key).Distinct(StringComparer.Ordinal).ToList();
        var stored = await store.LoadStatesAsync(PlayerSessionGrain.TypeName, keys, ct);
        var players = new Dictionary<string, PlayerFacts>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            var player = players.GetValueOrDefault(fact.Key)
                ?? (stored.TryGetValue(fact.Key, out var row) ? PlayerFactsReader.Read(row.Json) : PlayerFacts.From(PlayerSessionState.New(fact.Key)));
            players[fact.Key] = LiveContextOverlay.Apply(player, fact.Payload, fact.OccurredAt);
        }
        var now = clock.GetUtcNow();
        var needed = campaigns.Aggregate(default(VariableSet), (set, c) => set.Union(c.Rule.Reads));
        var contexts = players.Values.Select(p => PlayerContext.Of(p, now, needed)).ToList();
        var calls = new List<Task>();
        foreach (var campaign in campaigns)
        {
            var matches = contexts.Where(campaign.Rule.Matches).Select(c => c.Wallet).ToList();
            if (matches.Count > 0)
                calls.Add(grains.GetGrain<ICampaignGrain>(campaign.CampaignId).TargetAsync(matches));
        }
        await Task.WhenAll(calls);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
