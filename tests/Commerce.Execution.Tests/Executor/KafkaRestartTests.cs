using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;
using Commerce.Messaging.Embedded;
using Commerce.Testing;
using Confluent.Kafka;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

public sealed class KafkaRestartTests
{
    private static readonly EthAddress Recipient = EthAddress.FromBytes(Keccak256.HashUtf8("kafka-recipient").AsSpan(12));

    [Fact]
    public async Task An_executor_killed_mid_batch_and_restarted_executes_every_command_exactly_once_with_contiguous_nonces()
    {
        const int commands = 300;
        using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
        await using var node = await AnvilNode.StartAsync("--block-time", "1");
        using var file = new TempSqlite();

        var first = await ExecutorHostHarness.StartAsync(cluster.BootstrapServers, node.Endpoint, file.ConnectionString);
        for (var i = 0; i < commands; i++)
        {
            var command = Transfer($"k{i}", Recipient, 1);
            first.Producer.Produce(TopicCatalog.ChainCommands.Name, command.CommandId,
                EnvelopeSerializer.Serialize(EventEnvelope.Create(command.CommandId, command, DateTimeOffset.UtcNow)), _ => { });
        }
        first.Producer.Flush(TimeSpan.FromSeconds(10));
        await Eventually.Until(() => first.Executor.Metrics.Accepted >= 60, TimeSpan.FromSeconds(60), () => $"60 commands accepted, got {first.Executor.Metrics.Accepted}");
        await first.KillAsync();

        await using var second = await ExecutorHostHarness.StartAsync(cluster.BootstrapServers, node.Endpoint, file.ConnectionString);
        // Some commands arrive twice (an upstream retry).
        for (var i = 0; i < 50; i++)
        {
            var command = Transfer($"k{i}", Recipient, 1);
            await second.Producer.PublishAsync(TopicCatalog.ChainCommands, command.CommandId, command);
        }
        await Eventually.Until(async () =>
            (await second.Store.LoadAllAsync(HotKey.Address, default)).Count(c => c.Status == CommandStatus.Confirmed) == commands,
            TimeSpan.FromSeconds(90), () => $"{commands} commands confirmed");

        var all = await second.Store.LoadAllAsync(HotKey.Address, default);
        Assert.Equal(Enumerable.Range(0, commands).Select(i => (ulong)i), all.Select(c => c.Nonce!.Value));
        Assert.Equal(commands, all.Select(c => c.CommandId).Distinct().Count());
        Assert.Equal((ulong)commands, await node.Eth.GetTransactionCountAsync(HotKey.Address));
        Assert.Equal(new BigInteger(commands), await node.Eth.GetBalanceAsync(Recipient));

        var confirmed = ReadConfirmed(cluster.BootstrapServers, commands);
        Assert.Equal(commands, confirmed.Count);
    }

    /// <summary>Reads commerce.chain-transactions until every command has a confirmed event (or 60 s pass).</summary>
    private static HashSet<string> ReadConfirmed(string bootstrap, int expected)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = $"test-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest, EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(TopicCatalog.ChainTransactions.Name);
        var confirmed = new HashSet<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (confirmed.Count < expected && DateTime.UtcNow < deadline)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record?.Message is null)
                continue;
            if (EnvelopeSerializer.Deserialize(record.Message.Value).Payload is ChainTransactionUpdated { Stage: ChainTransactionUpdated.Confirmed } e)
                confirmed.Add(e.CommandId);
        }
        consumer.Close();
        return confirmed;
    }
}
