using Commerce.Actors.Storage;
using Commerce.Messaging.Producing;
using Confluent.Kafka;

namespace Commerce.Actors.Runtime;

/// <summary>
/// Publishes the records of leased outbox rows with the idempotent producer and completes the lease
/// with the rows whose records were all acknowledged; the others stay for the next attempt.
/// Shared by every outbox (the grains' and the executor's).
/// </summary>
public static class OutboxPublisher
{
    /// <returns>The rows taken and the records delivered.</returns>
    public static async Task<(int Rows, int Delivered)> PublishAsync(IOutboxLease lease, EventProducer producer,
        Action<long, string, string> onDeliveryFailed, CancellationToken ct)
    {
        if (lease.Records.Count == 0)
            return (0, 0);
        var failedRows = new HashSet<long>();
        var pending = lease.Records.Sum(r => r.Messages.Count);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var row in lease.Records)
        {
            var id = row.Id;
            foreach (var message in row.Messages)
            {
                producer.Produce(message.Topic, message.Key, message.Value, report =>
                {
                    if (report.Error.Code != Confluent.Kafka.ErrorCode.NoError)
                    {
                        lock (failedRows) failedRows.Add(id);
                        onDeliveryFailed(id, report.Topic, report.Error.Reason);
                    }
                    if (Interlocked.Decrement(ref pending) == 0)
                        done.TrySetResult();
                });
            }
        }
        if (Volatile.Read(ref pending) > 0)
            await done.Task.WaitAsync(ct);
        var delivered = lease.Records.Where(r => !failedRows.Contains(r.Id)).ToList();
        await lease.CompleteAsync(delivered.Select(r => r.Id).ToList(), ct);
        return (lease.Records.Count, delivered.Sum(r => r.Messages.Count));
    }
}
