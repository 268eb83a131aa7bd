namespace Commerce.Host.Storage;

/// <summary>The host's tables, per provider (docs/SECURITY.md says what each holds).</summary>
internal static class HostSchema
{
    // idempotency_key: one row per (player, key); order_id is unique, so two keys can never both place one quote.
    // used_nonce: a sign-in nonce once accepted (by any instance); rows are pruned after they expire.
    // revoked_token: a token id (jti) refused until the token would have expired anyway; revoked_at (the database's clock,
    // unix seconds) lets each instance read only what was revoked since its last read (RevokedTokens).
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS idempotency_key (
            player_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, order_id TEXT NOT NULL UNIQUE,
            status INTEGER, body TEXT, created_at INTEGER NOT NULL,
            PRIMARY KEY (player_id, key));
        CREATE TABLE IF NOT EXISTS used_nonce (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS revoked_token (token_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, revoked_at INTEGER NOT NULL DEFAULT 0);
        """;

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS idempotency_key (
            player_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, order_id TEXT NOT NULL UNIQUE,
            status INTEGER, body TEXT, created_at BIGINT NOT NULL,
            PRIMARY KEY (player_id, key));
        CREATE TABLE IF NOT EXISTS used_nonce (nonce TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS revoked_token (token_id TEXT PRIMARY KEY, expires_at BIGINT NOT NULL, revoked_at BIGINT NOT NULL DEFAULT 0);
        ALTER TABLE revoked_token ADD COLUMN IF NOT EXISTS revoked_at BIGINT NOT NULL DEFAULT 0;
        CREATE INDEX IF NOT EXISTS revoked_token_revoked_at ON revoked_token (revoked_at);
        """;

    /// <summary>
    /// SQLite before revoked_at (SQLite has no ADD COLUMN IF NOT EXISTS): run when <see cref="SqliteHasRevokedAt"/> answers 0.
    /// </summary>
    public const string SqliteAddRevokedAt = "ALTER TABLE revoked_token ADD COLUMN revoked_at INTEGER NOT NULL DEFAULT 0";

    public const string SqliteHasRevokedAt = "SELECT COUNT(*) FROM pragma_table_info('revoked_token') WHERE name = 'revoked_at'";

    public const string SqliteRevokedAtIndex = "CREATE INDEX IF NOT EXISTS revoked_token_revoked_at ON revoked_token (revoked_at)";
}
