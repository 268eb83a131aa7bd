using System.Collections.Concurrent;
using System.Threading.Channels;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Messaging.Consuming;

/// <summary>
/// One assigned partition: a bounded buffer between the consumer loop and the processor, and the
/// task that feeds the processor batch by batch and reports what it finished.
/// </summary>
internal sealed partial class PartitionWorker
{
    private readonly Channel<ConsumeResult<string, byte[]>> _buffer;
    private readonly IPartitionProcessor _processor;
    private readonly ConcurrentQueue<TopicPartitionOffset> _completed;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private volatile bool _stopRequested;

    public PartitionWorker(TopicPartition partition, IPartitionProcessor processor, int capacity, int maxBatch,
        ConcurrentQueue<TopicPartitionOffset> completed, ILogger logger)
    {
        Partition = partition;
        _processor = processor;
        _maxBatch = maxBatch;
        _completed = completed;
        _logger = logger;
        _buffer = Channel.CreateBounded<ConsumeResult<string, byte[]>>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Task = Task.Run(RunAsync);
    }

    public TopicPartition Partition { get; }

    /// <summary>Records read from Kafka that did not fit in the buffer; while non-empty the partition is paused.</summary>
    public Queue<ConsumeResult<string, byte[]>> Overflow { get; } = new();

    public bool Paused { get; set; }

    public Task Task { get; }

    /// <summary>The offset after the last record the processor finished (what may be committed).</summary>
    public Offset CommittableOffset { get; private set; } = Offset.Unset;

    public bool TryEnqueue(ConsumeResult<string, byte[]> record) => _buffer.Writer.TryWrite(record);

    /// <summary>Finishes the batch in hand, drops what is still buffered (the next owner reads it again), and releases the processor.</summary>
    public async Task StopAsync(bool graceful)
    {
        _stopRequested = true;
        _buffer.Writer.TryComplete();
        if (!graceful)
            await _abort.CancelAsync();
        try
        {
            await Task;
        }
        catch (OperationCanceledException)
        {
        }
        await _processor.DisposeAsync();
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<ConsumeResult<string, byte[]>>(_maxBatch);
        var ct = _abort.Token;
        while (!_stopRequested && await _buffer.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _buffer.Reader.TryRead(out var record))
                batch.Add(record);
            if (batch.Count == 0)
                continue;
            await ProcessWithRetryAsync(batch, ct);
            CommittableOffset = batch[^1].Offset + 1;
            _completed.Enqueue(new TopicPartitionOffset(Partition, CommittableOffset));
        }
    }

    private async Task ProcessWithRetryAsync(List<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _processor.ProcessAsync(batch, ct);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Never skip: the same batch is retried until it is handled or the partition moves away.
                LogBatchFailed(ex, Partition.Topic, Partition.Partition.Value, batch[0].Offset.Value, attempt);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch of {Topic} [{Partition}] from offset {Offset} failed (attempt {Attempt}); retrying")]
    private partial void LogBatchFailed(Exception ex, string topic, int partition, long offset, int attempt);
}
