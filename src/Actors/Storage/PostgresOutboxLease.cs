using Npgsql;
using NpgsqlTypes;

namespace Commerce.Actors.Storage;

/// <summary>
/// Outbox rows locked (FOR UPDATE SKIP LOCKED) by this relay until the lease ends; completing it
/// deletes the delivered rows from <paramref name="table"/> (an outbox table: id, records, created_at).
/// </summary>
public sealed class PostgresOutboxLease(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxRecord> records, string table = "outbox") : IOutboxLease
{
    private bool _completed;

    public IReadOnlyList<OutboxRecord> Records => records;

    public async Task CompleteAsync(IReadOnlyCollection<long> deliveredIds, CancellationToken ct)
    {
        if (deliveredIds.Count > 0)
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE id = ANY($1)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = deliveredIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
            await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
