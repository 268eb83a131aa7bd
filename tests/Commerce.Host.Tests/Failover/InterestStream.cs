using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Confluent.Kafka;

namespace Commerce.Host.Tests.Failover;

/// <summary>
/// InterestShown records straight to commerce.player-events, as the API publishes them, spread over
/// <paramref name="players"/> players and <paramref name="items"/> items; it counts what each player and each item
/// should end up with. A chunk returns once the broker acknowledged all of its records (idempotent producer).
/// </summary>
internal sealed class InterestStream(string bootstrapServers, int players, int items) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
    {
        BootstrapServers = bootstrapServers,
        EnableIdempotence = true,
        LingerMs = 5,
    }).Build();

    private readonly Dictionary<string, long> _perPlayer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _perItem = new(StringComparer.Ordinal);

    public long Published { get; private set; }

    public IReadOnlyDictionary<string, long> PerPlayer => _perPlayer;

    public IReadOnlyDictionary<string, long> PerItem => _perItem;

    public static string Player(int index) => $"failover-player-{index:d3}";

    public static string Item(int index) => $"failover:{index:d2}";

    /// <summary>
    /// Publishes the next <paramref name="count"/> records: record n goes to player n mod players, about an item that moves
    /// on with each round.
    /// </summary>
    public async Task PublishAsync(int count)
    {
        var sends = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var n = Published + i;
            var player = Player((int)(n % players));
            var item = Item((int)((n / players + n * 7) % items));
            var envelope = EventEnvelope.Create(player, new InterestShown(player, item, 1, "failover"), DateTimeOffset.UtcNow);
            sends.Add(_producer.ProduceAsync(TopicCatalog.PlayerEvents.Name,
                new Message<string, byte[]> { Key = player, Value = EnvelopeSerializer.Serialize(envelope) }));
            _perPlayer[player] = _perPlayer.GetValueOrDefault(player) + 1;
            _perItem[item] = _perItem.GetValueOrDefault(item) + 1;
        }
        await Task.WhenAll(sends);
        Published += count;
    }

    public void Dispose() => _producer.Dispose();
}
