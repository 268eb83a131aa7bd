using Commerce.Actors.Storage;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Execution.Storage;
using Confluent.Kafka;

namespace Commerce.Execution.Executor;

/// <summary>
/// The commands of one partition of commerce.chain-commands. Records at or below the stored
/// cursor are skipped (a redelivery after a crash); the rest go to the <see cref="CommandAcceptor"/>,
/// which commits the cursor with the commands. A moved cursor reloads it and retries the batch.
/// </summary>
internal sealed class CommandPartitionProcessor(CommandAcceptor acceptor, IExecutorStore store, PartitionCursor cursor, long? appliedOffset)
    : Messaging.Consuming.IPartitionProcessor
{
    private long? _applied = appliedOffset;

    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var fresh = new List<IncomingCommand>(batch.Count);
        foreach (var record in batch)
        {
            if (_applied is { } applied && record.Offset.Value <= applied)
                continue;
            fresh.Add(Read(record));
        }
        try
        {
            await acceptor.AcceptAsync(fresh, cursor, _applied, offset => _applied = offset, ct);
        }
        catch (CursorMovedException)
        {
            _applied = await store.LoadCursorAsync(cursor, ct);
            throw;
        }
    }

    private static IncomingCommand Read(ConsumeResult<string, byte[]> record)
    {
        try
        {
            var envelope = EnvelopeSerializer.Deserialize(record.Message.Value);
            return envelope.Payload is ChainCommandRequested command
                ? new IncomingCommand(record.Offset.Value, command, Key: record.Message.Key)
                : Unreadable(record, $"{envelope.Type} is not a {nameof(ChainCommandRequested)}");
        }
        catch (InvalidEventException ex)
        {
            return Unreadable(record, ex.Message);
        }
    }

    private static IncomingCommand Unreadable(ConsumeResult<string, byte[]> record, string error) =>
        new(record.Offset.Value, null, error, record.Message.Key, record.Message.Value, record.Topic, record.Partition.Value);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
