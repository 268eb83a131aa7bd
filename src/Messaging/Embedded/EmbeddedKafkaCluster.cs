using System.Runtime.InteropServices;
using System.Text;
using Commerce.Events.Topics;

namespace Commerce.Messaging.Embedded;

/// <summary>
/// librdkafka's mock cluster: N brokers in this process, reachable over TCP at
/// <see cref="BootstrapServers"/> by any Kafka client (ours, kcat, another process). It keeps its
/// log in memory: a new cluster is a new broker epoch.
/// </summary>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    private readonly Lock _gate = new();
    private nint _handle;
    private nint _cluster;

    private EmbeddedKafkaCluster(nint handle, nint cluster, int brokerCount)
    {
        _handle = handle;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(LibRdKafka.MockClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("the mock cluster reported no bootstrap address");
    }

    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    /// <summary>Starts a cluster of <paramref name="brokerCount"/> brokers and creates every topic of <paramref name="topics"/>.</summary>
    public static EmbeddedKafkaCluster Start(int brokerCount, IEnumerable<TopicDefinition> topics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        var errstr = new byte[512];
        var conf = LibRdKafka.ConfNew();
        // The handle only hosts the cluster; it never connects anywhere itself.
        Set(conf, "client.id", "commerce-embedded-broker", errstr);
        Set(conf, "log_level", "3", errstr);
        var handle = LibRdKafka.New(LibRdKafka.ProducerType, conf, errstr, (nuint)errstr.Length);
        if (handle == 0)
            throw new InvalidOperationException($"cannot create the embedded broker handle: {Text(errstr)}");
        var cluster = LibRdKafka.MockClusterNew(handle, brokerCount);
        if (cluster == 0)
        {
            LibRdKafka.Destroy(handle);
            throw new InvalidOperationException("cannot start the embedded Kafka cluster");
        }
        LibRdKafka.MockGroupInitialRebalanceDelay(cluster, 50);
        var embedded = new EmbeddedKafkaCluster(handle, cluster, brokerCount);
        foreach (var topic in topics)
            embedded.CreateTopic(topic.Name, topic.Partitions);
        return embedded;
    }

    public void CreateTopic(string name, int partitions)
    {
        var replication = Math.Min(3, BrokerCount);
        lock (_gate)
        {
            var err = LibRdKafka.MockTopicCreate(Cluster, name, partitions, replication);
            if (err != 0)
                throw new InvalidOperationException($"cannot create topic {name}: {LibRdKafka.Error(err)}");
        }
    }

    /// <summary>Takes broker <paramref name="brokerId"/> (1-based) down: its connections drop and it refuses new ones.</summary>
    public void SetBrokerDown(int brokerId) => Check(LibRdKafka.MockBrokerSetDown(Cluster, brokerId), "set down", brokerId);

    public void SetBrokerUp(int brokerId) => Check(LibRdKafka.MockBrokerSetUp(Cluster, brokerId), "set up", brokerId);

    /// <summary>Makes the next requests of one Kafka API fail with the given error codes, in order.</summary>
    public void PushRequestErrors(short apiKey, params int[] errorCodes) =>
        LibRdKafka.MockPushRequestErrors(Cluster, apiKey, (nuint)errorCodes.Length, errorCodes);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != 0) LibRdKafka.MockClusterDestroy(_cluster);
            if (_handle != 0) LibRdKafka.Destroy(_handle);
            _cluster = 0;
            _handle = 0;
        }
    }

    private nint Cluster => _cluster != 0 ? _cluster : throw new ObjectDisposedException(nameof(EmbeddedKafkaCluster));

    private static void Check(int err, string what, int brokerId)
    {
        if (err != 0)
            throw new InvalidOperationException($"cannot {what} broker {brokerId}: {LibRdKafka.Error(err)}");
    }

    private static void Set(nint conf, string name, string value, byte[] errstr)
    {
        if (LibRdKafka.ConfSet(conf, name, value, errstr, (nuint)errstr.Length) != LibRdKafka.ConfOk)
            throw new InvalidOperationException($"librdkafka rejected {name}: {Text(errstr)}");
    }

    private static string Text(byte[] errstr) => Encoding.UTF8.GetString(errstr).TrimEnd('\0');
}
