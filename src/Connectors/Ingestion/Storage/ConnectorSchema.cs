namespace Commerce.Connectors.Ingestion.Storage;

/// <summary>
/// The connectors' tables. connector_position: where each stream resumes (a replay id, a cursor), opaque text.
/// connector_published: the event ids a stream published (state 1) or is publishing (state 0, written before the
/// records are produced, so a crash in between is resolved at start by looking on the topic).
/// </summary>
public static class ConnectorSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS connector_position (stream TEXT PRIMARY KEY, position TEXT NOT NULL, updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS connector_published (
            stream TEXT NOT NULL, event_id TEXT NOT NULL, state INTEGER NOT NULL, at INTEGER NOT NULL,
            PRIMARY KEY (stream, event_id));
        CREATE INDEX IF NOT EXISTS connector_published_at ON connector_published (stream, at);
        """;

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS connector_position (stream TEXT PRIMARY KEY, position TEXT NOT NULL, updated_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS connector_published (
            stream TEXT NOT NULL, event_id TEXT NOT NULL, state INTEGER NOT NULL, at BIGINT NOT NULL,
            PRIMARY KEY (stream, event_id));
        CREATE INDEX IF NOT EXISTS connector_published_at ON connector_published (stream, at);
        """;
}
