using Commerce.Host.Storage;

namespace Commerce.Host.Auth;

/// <summary>
/// Sign-in nonces already accepted, in the platform's database: a nonce is taken once, by one instance, in one insert
/// (the table's key decides a race). Rows are kept until the nonce would have expired anyway, then pruned.
/// </summary>
public sealed class UsedNonces(HostDatabase database, TimeProvider clock)
{
    private const int PruneEvery = 256;
    private int _consumed;

    /// <summary>True for the first caller with <paramref name="nonce"/>, false for every later one (on any instance).</summary>
    public Task<bool> TryConsumeAsync(string nonce, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var prune = Interlocked.Increment(ref _consumed) % PruneEvery == 0;
        return database.WriteAsync(async (connection, transaction) =>
        {
            if (prune)
                await connection.ExecuteAsync(transaction, "DELETE FROM used_nonce WHERE expires_at < @now", ct, ("@now", clock.GetUtcNow().ToUnixTimeSeconds()));
            return await connection.ExecuteAsync(transaction, "INSERT INTO used_nonce (nonce, expires_at) VALUES (@nonce, @expires) ON CONFLICT DO NOTHING",
                ct, ("@nonce", nonce), ("@expires", expiresAt.ToUnixTimeSeconds())) == 1;
        }, ct);
    }
}
