using System.Collections.Concurrent;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Messaging.Consuming;

/// <summary>
/// A consumer-group member that hands each assigned partition to its own processor through a
/// bounded buffer (decision D8). Offsets are stored only after the processor finished a record;
/// a full buffer pauses its partition instead of growing. Cooperative-sticky assignment: a
/// revoked partition finishes its batch and commits, a lost one is dropped without committing.
/// <paramref name="values"/>, when given, turns each record's value into the byte[] handed on (a reader that wants
/// only some records can leave the others uncopied); by default the value is copied as it is.
/// </summary>
public sealed partial class PartitionedConsumer(
    KafkaConnection connection,
    string groupId,
    IReadOnlyList<string> topics,
    IPartitionProcessorFactory factory,
    ILogger logger,
    IDeserializer<byte[]>? values = null)
{
    private readonly Dictionary<TopicPartition, PartitionWorker> _workers = [];
    private readonly ConcurrentQueue<TopicPartitionOffset> _completed = new();
    private int _pausedCount;
    private readonly string _clientId = $"{groupId}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The partitions this member owns right now (a snapshot).</summary>
    public IReadOnlyCollection<TopicPartition> Assignment
    {
        get { lock (_workers) return [.. _workers.Keys]; }
    }

    /// <summary>Runs the consumer loop on its own thread until <paramref name="stoppingToken"/> fires, then leaves the group cleanly.</summary>
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var config = connection.ConsumerConfig(groupId, _clientId);
        var builder = new ConsumerBuilder<string, byte[]>(config);
        if (values is not null)
            builder.SetValueDeserializer(values);
        using var consumer = builder
            .SetPartitionsAssignedHandler((c, partitions) => OnAssigned(partitions, stoppingToken))
            .SetPartitionsRevokedHandler((c, partitions) => OnRevoked(c, partitions))
            .SetPartitionsLostHandler((c, partitions) => OnLost(partitions))
            .SetErrorHandler((_, e) => LogKafkaError(groupId, e.Code.ToString(), e.Reason, e.IsFatal))
            .SetLogHandler((_, m) => { if (m.Level <= SyslogLevel.Warning) LogKafkaLog(groupId, m.Facility, m.Message); })
            .Build();
        consumer.Subscribe(topics);
        LogStarted(groupId, string.Join(",", topics));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                StoreCompletedOffsets(consumer);
                DrainOverflow(consumer);
                ConsumeResult<string, byte[]>? record;
                try
                {
                    record = consumer.Consume(TimeSpan.FromMilliseconds(20));
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    LogKafkaError(groupId, ex.Error.Code.ToString(), ex.Error.Reason, false);
                    continue;
                }
                if (record is null || record.IsPartitionEOF)
                    continue;
                Route(consumer, record);
            }
        }
        catch (ConsumeException ex)
        {
            LogFatal(ex, groupId);
            throw;
        }
        finally
        {
            try
            {
                // Close() revokes every partition through OnRevoked, which finishes and commits.
                consumer.Close();
            }
            catch (KafkaException ex)
            {
                LogKafkaError(groupId, ex.Error.Code.ToString(), ex.Error.Reason, ex.Error.IsFatal);
            }
            StopAll(graceful: false);
        }
    }

    private void Route(IConsumer<string, byte[]> consumer, ConsumeResult<string, byte[]> record)
    {
        PartitionWorker? worker;
        lock (_workers)
            _workers.TryGetValue(record.TopicPartition, out worker);
        if (worker is null)
            return; // revoked since it was fetched: its next owner reads it again
        if (worker.Overflow.Count == 0 && worker.TryEnqueue(record))
            return;
        worker.Overflow.Enqueue(record);
        if (!worker.Paused)
        {
            consumer.Pause([record.TopicPartition]);
            worker.Paused = true;
            _pausedCount++;
        }
    }

    private void DrainOverflow(IConsumer<string, byte[]> consumer)
    {
        if (_pausedCount == 0)
            return;
        List<PartitionWorker> paused;
        lock (_workers)
            paused = _workers.Values.Where(w => w.Paused).ToList();
        foreach (var worker in paused)
        {
            while (worker.Overflow.TryPeek(out var next) && worker.TryEnqueue(next))
                worker.Overflow.Dequeue();
            if (worker.Overflow.Count == 0)
            {
                consumer.Resume([worker.Partition]);
                worker.Paused = false;
                _pausedCount--;
            }
        }
    }

    private void StoreCompletedOffsets(IConsumer<string, byte[]> consumer)
    {
        while (_completed.TryDequeue(out var offset))
        {
            try
            {
                consumer.StoreOffset(offset);
            }
            catch (KafkaException)
            {
                // The partition left this member in the meantime; its new owner tracks it.
            }
        }
    }

    private IEnumerable<TopicPartitionOffset> OnAssigned(List<TopicPartition> partitions, CancellationToken ct)
    {
        var starts = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var partition in partitions)
        {
            var start = factory.OpenAsync(partition, ct).GetAwaiter().GetResult();
            var worker = new PartitionWorker(partition, start.Processor, connection.Options.PartitionBufferSize,
                connection.Options.MaxBatchSize, _completed, logger);
            lock (_workers)
                _workers[partition] = worker;
            starts.Add(new TopicPartitionOffset(partition, start.Offset));
        }
        LogAssigned(groupId, Describe(partitions));
        return starts;
    }

    private void OnRevoked(IConsumer<string, byte[]> consumer, List<TopicPartitionOffset> partitions)
    {
        var finished = Stop(partitions.Select(p => p.TopicPartition), graceful: true);
        StoreCompletedOffsets(consumer);
        var commits = finished.Where(w => w.CommittableOffset != Offset.Unset)
            .Select(w => new TopicPartitionOffset(w.Partition, w.CommittableOffset)).ToList();
        if (commits.Count > 0)
        {
            try
            {
                consumer.Commit(commits);
            }
            catch (KafkaException ex)
            {
                LogKafkaError(groupId, ex.Error.Code.ToString(), ex.Error.Reason, ex.Error.IsFatal);
            }
        }
        LogRevoked(groupId, Describe(partitions.Select(p => p.TopicPartition)));
    }

    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        Stop(partitions.Select(p => p.TopicPartition), graceful: false);
        LogLost(groupId, Describe(partitions.Select(p => p.TopicPartition)));
    }

    private void StopAll(bool graceful)
    {
        List<TopicPartition> all;
        lock (_workers)
            all = [.. _workers.Keys];
        Stop(all, graceful);
    }

    private List<PartitionWorker> Stop(IEnumerable<TopicPartition> partitions, bool graceful)
    {
        var stopping = new List<PartitionWorker>();
        lock (_workers)
        {
            foreach (var partition in partitions)
            {
                if (_workers.Remove(partition, out var worker))
                    stopping.Add(worker);
            }
        }
        Task.WhenAll(stopping.Select(w => w.StopAsync(graceful))).GetAwaiter().GetResult();
        _pausedCount -= stopping.Count(w => w.Paused);
        return stopping;
    }

    private static string Describe(IEnumerable<TopicPartition> partitions) =>
        string.Join(",", partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {Group} subscribed to {Topics}")]
    private partial void LogStarted(string group, string topics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {Group} assigned {Partitions}")]
    private partial void LogAssigned(string group, string partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {Group} revoked {Partitions}")]
    private partial void LogRevoked(string group, string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group {Group} lost {Partitions}")]
    private partial void LogLost(string group, string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka error in {Group}: {Code} {Reason} (fatal: {Fatal})")]
    private partial void LogKafkaError(string group, string code, string reason, bool fatal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "librdkafka ({Group}) {Facility}: {Text}")]
    private partial void LogKafkaLog(string group, string facility, string text);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Consumer group {Group} stopped on a fatal error")]
    private partial void LogFatal(Exception ex, string group);
}
