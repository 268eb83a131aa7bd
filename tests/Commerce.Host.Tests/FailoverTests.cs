using System.Text;
using System.Text.Json;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Messaging.Embedded;
using Commerce.Testing;
using Confluent.Kafka;
using Npgsql;

namespace Commerce.Host.Tests;

/// <summary>
/// Two platform processes share the grain partitions through one consumer group and PostgreSQL;
/// one is killed hard in the middle of a stream. Every event must end up applied exactly once,
/// to one grain, in per-key order.
/// </summary>
public sealed class FailoverTests
{
    private const int Players = 40;
    private const int EventsPerPlayer = 60;

    [Fact]
    public async Task A_host_killed_mid_stream_loses_nothing_and_applies_nothing_twice()
    {
        using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
        var database = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["Kafka:BootstrapServers"] = cluster.BootstrapServers,
            ["Kafka:SessionTimeoutMs"] = "6000",
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = database,
            ["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]),
            ["Pricing:QuoteKey"] = Commerce.Chain.Hex.HexString.Encode(Commerce.Chain.Crypto.EthPrivateKey.Generate().ExportBytes()),
            // This test is about grains: offers would add pushes of their own to the sequences it checks.
            ["Pricing:Enabled"] = "false",
        };
        await using var doomed = HostProcess.Start(settings);
        await doomed.WaitReadyAsync(TimeSpan.FromSeconds(90));
        await using var survivor = HostProcess.Start(settings);
        await survivor.WaitReadyAsync(TimeSpan.FromSeconds(90));

        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true }).Build();
        var store = new PostgresGrainStore(database, TimeProvider.System);
        for (var n = 0; n < EventsPerPlayer; n++)
        {
            for (var p = 0; p < Players; p++)
            {
                var player = $"0xfailover{p:d3}";
                var envelope = EventEnvelope.Create(player, new InterestShown(player, $"seq:{n:d4}", 1, "failover"), DateTimeOffset.UtcNow);
                producer.Produce(TopicCatalog.PlayerEvents.Name, new Message<string, byte[]> { Key = player, Value = EnvelopeSerializer.Serialize(envelope) });
            }
            if (n == EventsPerPlayer / 3)
            {
                producer.Flush(TimeSpan.FromSeconds(30));
                // Wait until the doomed instance is busy applying, then kill it without warning.
                await Eventually.Until(async () => (await CountAppliedAsync(store)) > Players * 5, TimeSpan.FromSeconds(60),
                    () => "both instances to be applying events before the kill");
                doomed.Kill();
            }
        }
        producer.Flush(TimeSpan.FromSeconds(30));

        long applied = 0;
        await Eventually.Until(async () => (applied = await CountAppliedAsync(store)) == Players * EventsPerPlayer, TimeSpan.FromSeconds(120),
            () => $"{Players * EventsPerPlayer} interests applied in total after the kill, got {applied}; survivor log:\n{survivor.Log}");

        var states = await store.LoadStatesAsync(PlayerSessionGrain.TypeName, Enumerable.Range(0, Players).Select(p => $"0xfailover{p:d3}").ToList(), default);
        foreach (var (player, stored) in states)
        {
            var state = JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.PlayerSessionState)!;
            Assert.Equal(EventsPerPlayer, state.InterestCount);
            Assert.Equal(EventsPerPlayer, state.PushSeq);
        }

        // Per-key order: each player's pushes, numbered by its grain, name the events in the order they were produced.
        var pushes = ReadPushes(cluster.BootstrapServers);
        foreach (var player in states.Keys)
        {
            var bySeq = pushes[player].GroupBy(p => p.Seq).ToDictionary(g => g.Key, g => g.Select(p => p.BodyJson).Distinct().ToList());
            Assert.Equal(Enumerable.Range(1, EventsPerPlayer).Select(i => (long)i), bySeq.Keys.Order());
            foreach (var (seq, bodies) in bySeq)
            {
                Assert.True(bodies.Count == 1, $"{player} push {seq} was published with different contents: {string.Join(" | ", bodies)}");
                Assert.Contains($"\"itemId\":\"seq:{seq - 1:d4}\"", bodies[0]);
            }
        }
        await store.DisposeAsync();
    }

    private static async Task<long> CountAppliedAsync(PostgresGrainStore store)
    {
        var keys = Enumerable.Range(0, Players).Select(p => $"0xfailover{p:d3}").ToList();
        var states = await store.LoadStatesAsync(PlayerSessionGrain.TypeName, keys, default);
        return states.Values.Sum(s => JsonSerializer.Deserialize(s.Json, GrainJsonContext.Default.PlayerSessionState)!.InterestCount);
    }

    private static Dictionary<string, List<PlayerPushed>> ReadPushes(string bootstrap)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = $"verify-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest, EnablePartitionEof = true };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(TopicCatalog.PlayerPushes.Name);
        var result = new Dictionary<string, List<PlayerPushed>>();
        var eof = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (eof.Count < TopicCatalog.PlayerPushes.Partitions && DateTime.UtcNow < deadline)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record is null) continue;
            if (record.IsPartitionEOF) { eof.Add(record.Partition.Value); continue; }
            var push = (PlayerPushed)EnvelopeSerializer.Deserialize(record.Message.Value).Payload;
            (result.TryGetValue(push.PlayerId, out var list) ? list : result[push.PlayerId] = []).Add(push);
        }
        return result;
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable("COMMERCE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("COMMERCE_TEST_POSTGRES is not set: run the tests with ./run test, which starts PostgreSQL");
        var name = $"commerce_f_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
