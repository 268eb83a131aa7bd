using System.Collections.Concurrent;
using System.Data.Common;
using Commerce.Host.Storage;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Auth;

/// <summary>
/// Tokens revoked before they expire (a player's sign-out, a staff token an operator revoked), by token id (jti), in the
/// platform's database so every instance refuses them. A row is kept until the token would have expired anyway.
/// <para>
/// Each instance answers from memory: every row is read at the first check, a revocation made here is added at once, and
/// rows revoked elsewhere (hosts sharing PostgreSQL) are read at most <see cref="AuthOptions.RevocationRefresh"/> apart:
/// the first check after that much time reads the rows stamped since the newest one already seen (less
/// <see cref="ReadOverlap"/>) before it answers. So a token revoked on another instance is refused here within
/// <see cref="AuthOptions.RevocationRefresh"/> (docs/SECURITY.md, "Revocation").
/// </para>
/// </summary>
public sealed class RevokedTokens(HostDatabase database, TimeProvider clock, IOptions<AuthOptions> options)
{
    /// <summary>
    /// How far before the newest stamp seen the next read starts. Stamps come from the database's clock (one clock for every
    /// instance); the overlap covers a revocation stamped before, but committed after, the newest one read.
    /// </summary>
    public static readonly TimeSpan ReadOverlap = TimeSpan.FromMinutes(1);

    private readonly TimeSpan _refresh = options.Value.RevocationRefresh;
    private readonly ConcurrentDictionary<string, long> _known = new(StringComparer.Ordinal); // token id -> expires_at
    private readonly SemaphoreSlim _readGate = new(1, 1);
    private long _nextReadTicks = long.MinValue; // host clock, UTC ticks: no read before
    private long? _newestStamp; // database clock, unix seconds: the newest revoked_at read; null while none was (every row is read)

    public async Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(transaction, "DELETE FROM revoked_token WHERE expires_at < @now", ct, ("@now", clock.GetUtcNow().ToUnixTimeSeconds()));
            return await connection.ExecuteAsync(transaction,
                $"INSERT INTO revoked_token (token_id, expires_at, revoked_at) VALUES (@id, @expires, {DatabaseNow}) ON CONFLICT DO NOTHING",
                ct, ("@id", tokenId), ("@expires", expiresAt.ToUnixTimeSeconds()));
        }, ct);
        _known[tokenId] = expiresAt.ToUnixTimeSeconds(); // refused here at once, stored before
    }

    public async Task<bool> IsRevokedAsync(string tokenId, CancellationToken ct)
    {
        if (clock.GetUtcNow().UtcTicks >= Volatile.Read(ref _nextReadTicks))
            await ReadNewAsync(ct);
        return _known.ContainsKey(tokenId);
    }

    /// <summary>The database's clock in unix seconds, as SQL: every instance stamps revocations on the same clock.</summary>
    private string DatabaseNow => database.IsPostgres
        ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT)"
        : "CAST(strftime('%s','now') AS INTEGER)";

    /// <summary>Reads every row (the first time) or those stamped since the newest seen less the overlap; one reader at a time.</summary>
    private async Task ReadNewAsync(CancellationToken ct)
    {
        await _readGate.WaitAsync(ct);
        try
        {
            var startedAt = clock.GetUtcNow();
            if (startedAt.UtcTicks < Volatile.Read(ref _nextReadTicks))
                return; // another check read while this one waited
            var from = _newestStamp is { } newest ? newest - (long)ReadOverlap.TotalSeconds : long.MinValue;
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.Command(
                "SELECT token_id, expires_at, revoked_at FROM revoked_token WHERE revoked_at >= @from", ("@from", from));
            await using (DbDataReader reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    _known[reader.GetString(0)] = reader.GetInt64(1);
                    var stamp = reader.GetInt64(2);
                    if (_newestStamp is not { } seen || stamp > seen)
                        _newestStamp = stamp;
                }
            }
            var now = startedAt.ToUnixTimeSeconds();
            foreach (var (id, expires) in _known)
            {
                if (expires < now)
                    _known.TryRemove(id, out _); // the token is refused as expired anyway
            }
            Volatile.Write(ref _nextReadTicks, (startedAt + _refresh).UtcTicks);
        }
        finally
        {
            _readGate.Release();
        }
    }
}
