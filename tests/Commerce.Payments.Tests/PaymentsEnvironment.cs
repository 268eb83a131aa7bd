using System.Collections.Concurrent;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Envelope;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Testing.Anvil;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Commerce.Payments.Tests;

/// <summary>
/// A real Anvil node and the embedded Kafka cluster shared by the payments tests, and a reader that
/// collects every PaymentObserved record of commerce.order-events as it arrives.
/// </summary>
public sealed class PaymentsEnvironment : IAsyncLifetime
{
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    private readonly AnvilFixture _anvil = new();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;
    private volatile string? _readerError;
    private readonly ConcurrentDictionary<int, long> _nextOffsets = new();

    public KafkaConnection Kafka { get; private set; } = null!;

    public EthClient Eth => _anvil.Eth;

    public AnvilClient Anvil => _anvil.Anvil;

    public JsonRpcClient Rpc => _anvil.Rpc;

    public Uri Endpoint => _anvil.Endpoint;

    public ulong ChainId => AnvilFixture.ChainId;

    /// <summary>Every PaymentObserved read from the topic, in the order read.</summary>
    public ConcurrentQueue<(EventEnvelope Envelope, PaymentObserved Payment)> Observed { get; } = new();

    public async Task InitializeAsync()
    {
        await _anvil.InitializeAsync();
        Kafka = new KafkaConnection(Microsoft.Extensions.Options.Options.Create(new KafkaOptions()));
        _reader = new Thread(ReadOrderEvents) { IsBackground = true, Name = "order-events reader" };
        _reader.Start();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _reader?.Join(TimeSpan.FromSeconds(10));
        Kafka.Dispose();
        await _anvil.DisposeAsync();
    }

    /// <summary>The observations of one order read so far.</summary>
    public IReadOnlyList<(EventEnvelope Envelope, PaymentObserved Payment)> Of(string orderId)
    {
        if (_readerError is { } error)
            throw new InvalidOperationException($"the order-events reader failed: {error}");
        return Observed.Where(o => o.Payment.OrderId == orderId).ToList();
    }

    public async Task<Actor> NewActorAsync(int ether = 100)
    {
        var key = EthPrivateKey.Generate();
        await Anvil.SetBalanceAsync(key.Address, Ether * ether);
        return new Actor(key, new SigningContractSender(Eth, key, ChainId) { ReceiptPollInterval = TimeSpan.FromMilliseconds(10) });
    }

    /// <summary>Fresh contracts; the Checkout holds MINTER_ROLE on the collection.</summary>
    public async Task<Deployment> DeployAsync()
    {
        var admin = await NewActorAsync();
        var quoteSigner = EthPrivateKey.Generate();
        var items = await GameItemContract.DeployAsync(admin.Sender, Eth, "Commerce Items", "CITEM", "https://items.example/meta/", admin.Address);
        var coin = await TestStablecoinContract.DeployAsync(admin.Sender, Eth, admin.Address);
        var checkout = await CheckoutContract.DeployAsync(admin.Sender, Eth, admin.Address, quoteSigner.Address, 7 * 24 * 3600);
        var deployedAt = await Eth.GetBlockNumberAsync();
        await items.GrantRoleAsync(admin.Sender, ContractRoles.Minter, checkout.Address);
        return new Deployment(this, items, coin, checkout, admin, quoteSigner, deployedAt);
    }

    public async Task<ulong> LatestTimestampAsync() => (await Eth.GetBlockByNumberAsync(BlockTag.Latest))!.Timestamp;

    /// <summary>Moves the node's clock forward by <paramref name="seconds"/> and mines a block with the new time.</summary>
    public async Task IncreaseTimeAsync(ulong seconds)
    {
        await Eth.Rpc.SendAsync(new RpcCall<System.Text.Json.JsonElement>("evm_increaseTime", [seconds], e => e.Clone()));
        await Anvil.MineAsync();
    }

    public async Task MineAsync(int blocks)
    {
        for (var i = 0; i < blocks; i++)
            await Anvil.MineAsync();
    }

    /// <summary>Waits until the reader has read every record the topic holds now (its high watermark in each partition).</summary>
    public async Task WaitReadAllAsync()
    {
        var config = new ConsumerConfig { BootstrapServers = Kafka.BootstrapServers, GroupId = $"payments-watermarks-{Guid.NewGuid():N}" };
        var high = new Dictionary<int, long>();
        using (var probe = new ConsumerBuilder<string, byte[]>(config).Build())
        {
            for (var partition = 0; partition < TopicCatalog.OrderEvents.Partitions; partition++)
                high[partition] = probe.QueryWatermarkOffsets(new TopicPartition(TopicCatalog.OrderEvents.Name, partition), TimeSpan.FromSeconds(10)).High.Value;
        }
        await Commerce.Testing.Eventually.Until(
            () => high.All(h => h.Value == 0 || _nextOffsets.GetValueOrDefault(h.Key) >= h.Value), TimeSpan.FromSeconds(30),
            () => $"the order-events reader at the high watermarks [{string.Join(", ", high.Select(h => $"{h.Key}:{h.Value}"))}], read up to [{string.Join(", ", _nextOffsets.Select(n => $"{n.Key}:{n.Value}"))}]");
    }

    private void ReadOrderEvents()
    {
        try
        {
            var config = new ConsumerConfig
            {
                BootstrapServers = Kafka.BootstrapServers,
                GroupId = $"payments-tests-{Guid.NewGuid():N}",
                AutoOffsetReset = AutoOffsetReset.Earliest,
                EnableAutoCommit = false,
                FetchWaitMaxMs = 10,
            };
            using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
            consumer.Subscribe(TopicCatalog.OrderEvents.Name);
            while (!_stop.IsCancellationRequested)
            {
                var record = consumer.Consume(TimeSpan.FromMilliseconds(50));
                if (record?.Message?.Value is not { } value)
                    continue;
                _nextOffsets[record.Partition.Value] = record.Offset.Value + 1;
                var envelope = EnvelopeSerializer.Deserialize(value);
                if (envelope.Payload is PaymentObserved payment)
                {
                    Assert.Equal(payment.OrderId, record.Message.Key);
                    Observed.Enqueue((envelope, payment));
                }
            }
            consumer.Close();
        }
        catch (Exception ex)
        {
            _readerError = ex.ToString();
        }
    }
}
