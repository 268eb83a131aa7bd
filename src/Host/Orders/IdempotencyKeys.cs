using System.Data.Common;
using Commerce.Host.Storage;

namespace Commerce.Host.Orders;

/// <summary>
/// The Idempotency-Key of order placement and of chat turns, stored in the platform's database (docs/SECURITY.md, "Idempotency"):
/// a key belongs to one player and one request (its hash) and remembers the first final answer; a quote (the order id)
/// can be claimed by one key only, so two keys racing for one quote cannot both place it.
/// </summary>
public sealed class IdempotencyKeys(HostDatabase database, TimeProvider clock)
{
    /// <summary>A claim nobody completed or released for this long (its instance died mid-request) may be taken over by a retry.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(30);

    /// <summary>Claims <paramref name="key"/> of <paramref name="playerId"/> for this request and order, or says who holds it.</summary>
    public Task<IdempotencyClaim> ClaimAsync(string playerId, string key, string requestHash, string orderId, CancellationToken ct) =>
        database.WriteAsync<IdempotencyClaim>(async (connection, transaction) =>
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
                var inserted = await connection.ExecuteAsync(transaction, """
                    INSERT INTO idempotency_key (player_id, key, request_hash, order_id, status, body, created_at)
                    VALUES (@player, @key, @hash, @order, NULL, NULL, @now) ON CONFLICT DO NOTHING
                    """, ct, ("@player", playerId), ("@key", key), ("@hash", requestHash), ("@order", orderId), ("@now", now));
                if (inserted == 1)
                    return new IdempotencyClaim.Claimed();
                if (await ReadAsync(connection, transaction, playerId, key, ct) is { } existing)
                {
                    if (existing.RequestHash == requestHash && existing.Status is null && now - existing.CreatedAt >= (long)AbandonedAfter.TotalMilliseconds
                        && await connection.ExecuteAsync(transaction,
                            "UPDATE idempotency_key SET created_at = @now WHERE player_id = @player AND key = @key AND status IS NULL AND created_at = @then",
                            ct, ("@now", now), ("@player", playerId), ("@key", key), ("@then", existing.CreatedAt)) == 1)
                        return new IdempotencyClaim.Claimed();
                    return new IdempotencyClaim.Existing(existing.RequestHash, existing.Status, existing.Body);
                }
                await using var byOrder = connection.Command(transaction, "SELECT key FROM idempotency_key WHERE order_id = @order", ("@order", orderId));
                if (await byOrder.ExecuteScalarAsync(ct) is string)
                    return new IdempotencyClaim.OrderTaken();
                // The row that was in the way was released meanwhile: try again.
            }
            return new IdempotencyClaim.OrderTaken();
        }, ct);

    /// <summary>
    /// Claims <paramref name="key"/> of <paramref name="playerId"/> for a request that places no order (a chat turn): the
    /// same table, so a player's keys are one namespace; its order column holds a value unique to the key, never a quote.
    /// </summary>
    public Task<IdempotencyClaim> ClaimAsync(string playerId, string key, string requestHash, CancellationToken ct) =>
        ClaimAsync(playerId, key, requestHash, $"request/{playerId}/{key}", ct);

    /// <summary>Records the final answer of a claimed key: every later request with it gets exactly this.</summary>
    public Task CompleteAsync(string playerId, string key, int status, string body, CancellationToken ct) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(transaction,
            "UPDATE idempotency_key SET status = @status, body = @body WHERE player_id = @player AND key = @key",
            ct, ("@status", status), ("@body", body), ("@player", playerId), ("@key", key)), ct);

    /// <summary>Gives a claimed key up (the request failed in a way worth retrying): the key and the quote are free again.</summary>
    public Task ReleaseAsync(string playerId, string key, CancellationToken ct) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(transaction,
            "DELETE FROM idempotency_key WHERE player_id = @player AND key = @key AND status IS NULL",
            ct, ("@player", playerId), ("@key", key)), ct);

    private static async Task<(string RequestHash, int? Status, string? Body, long CreatedAt)?> ReadAsync(
        DbConnection connection, DbTransaction? transaction, string playerId, string key, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, "SELECT request_hash, status, body, created_at FROM idempotency_key WHERE player_id = @player AND key = @key",
            ("@player", playerId), ("@key", key));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        return (reader.GetString(0), reader.IsDBNull(1) ? null : Convert.ToInt32(reader.GetValue(1)),
            reader.IsDBNull(2) ? null : reader.GetString(2), Convert.ToInt64(reader.GetValue(3)));
    }
}
