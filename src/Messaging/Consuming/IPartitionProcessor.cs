using Confluent.Kafka;

namespace Commerce.Messaging.Consuming;

/// <summary>
/// Handles the records of one assigned partition, in offset order, one batch at a time. Returning
/// means the batch is durably handled and its offsets may be committed; throwing means "retry the
/// same batch" (a processor dead-letters a single bad record itself rather than throwing).
/// </summary>
public interface IPartitionProcessor : IAsyncDisposable
{
    Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct);
}
