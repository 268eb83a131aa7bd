namespace Commerce.Host.Storage;

/// <summary>The host's tables, per provider (docs/SECURITY.md says what each holds).</summary>
internal static class HostSchema
{
    // idempotency_key: one row per (player, key); order_id is unique, so two keys can never both place one quote.
    // used_nonce: a sign-in nonce once accepted (by any instance); rows are pruned after they expire.
    // revoked_token: a token id (jti) refused until the token would have expired anyway.
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS idempotency_key (
            player_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, order_id TEXT NOT NULL UNIQUE,
            status INTEGER, body TEXT, created_at INTEGER NOT NULL,
            PRIMARY KEY (player_id, key));
        CREATE TABLE IF NOT EXISTS used_nonce (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS revoked_token (token_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
        """;

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS idempotency_key (
            player_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, order_id TEXT NOT NULL UNIQUE,
            status INTEGER, body TEXT, created_at BIGINT NOT NULL,
            PRIMARY KEY (player_id, key));
        CREATE TABLE IF NOT EXISTS used_nonce (nonce TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS revoked_token (token_id TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
        """;
}
