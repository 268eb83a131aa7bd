using Commerce.Host.Storage;

namespace Commerce.Host.Auth;

/// <summary>
/// Tokens revoked before they expire (a player's sign-out, a staff token an operator revoked), by token id (jti), in the
/// platform's database so every instance refuses them. A row is kept until the token would have expired anyway.
/// </summary>
public sealed class RevokedTokens(HostDatabase database, TimeProvider clock)
{
    public Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(transaction, "DELETE FROM revoked_token WHERE expires_at < @now", ct, ("@now", clock.GetUtcNow().ToUnixTimeSeconds()));
            return await connection.ExecuteAsync(transaction, "INSERT INTO revoked_token (token_id, expires_at) VALUES (@id, @expires) ON CONFLICT DO NOTHING",
                ct, ("@id", tokenId), ("@expires", expiresAt.ToUnixTimeSeconds()));
        }, ct);

    public async Task<bool> IsRevokedAsync(string tokenId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT 1 FROM revoked_token WHERE token_id = @id", ("@id", tokenId));
        return await command.ExecuteScalarAsync(ct) is not null;
    }
}
