using System.Data.Common;
using Commerce.Host.Storage;

namespace Commerce.Host.Operators;

/// <summary>
/// The pricing policy's versions in the platform's database (every instance reads the same): each version's JSON as
/// published, and the changes of the active version in order, which are the audit (who, when, why). The active
/// version is the one of the newest change. Versions are never edited or deleted, so a rollback is one more change.
/// Its tables are its own, created on first use.
/// </summary>
public sealed class PolicyVersions(HostDatabase database, TimeProvider clock)
{
    private const string SqliteSchema = """
        CREATE TABLE IF NOT EXISTS pricing_policy_version (version TEXT PRIMARY KEY, json TEXT NOT NULL, published_at INTEGER NOT NULL,
            published_by TEXT NOT NULL, why TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS pricing_policy_change (seq INTEGER PRIMARY KEY AUTOINCREMENT, version TEXT NOT NULL, kind TEXT NOT NULL,
            at INTEGER NOT NULL, by TEXT NOT NULL, why TEXT NOT NULL);
        """;

    private const string PostgresSchema = """
        CREATE TABLE IF NOT EXISTS pricing_policy_version (version TEXT PRIMARY KEY, json TEXT NOT NULL, published_at BIGINT NOT NULL,
            published_by TEXT NOT NULL, why TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS pricing_policy_change (seq BIGSERIAL PRIMARY KEY, version TEXT NOT NULL, kind TEXT NOT NULL,
            at BIGINT NOT NULL, by TEXT NOT NULL, why TEXT NOT NULL);
        """;

    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _created;

    /// <summary>The active version's name and JSON, or null when none was ever published.</summary>
    public async Task<(string Version, string Json)?> ActiveAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("SELECT v.version, v.json FROM pricing_policy_change c JOIN pricing_policy_version v ON v.version = c.version "
            + "ORDER BY c.seq DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<PolicyVersionList> ListAsync(CancellationToken ct)
    {
        var active = (await ActiveAsync(ct))?.Version;
        await using var connection = await OpenAsync(ct);
        var versions = new List<PolicyVersion>();
        await using (var command = connection.Command("SELECT version, published_at, published_by, why FROM pricing_policy_version ORDER BY published_at DESC, version DESC"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                versions.Add(new PolicyVersion(reader.GetString(0), At(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(0) == active));
        }
        var changes = new List<PolicyChange>();
        await using (var command = connection.Command("SELECT seq, version, kind, at, by, why FROM pricing_policy_change ORDER BY seq DESC LIMIT 100"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                changes.Add(new PolicyChange(reader.GetInt64(0), reader.GetString(1), Enum.Parse<PolicyChangeKind>(reader.GetString(2)),
                    At(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5)));
            }
        }
        return new PolicyVersionList(active, versions, changes);
    }

    /// <summary>One version and its JSON, or null.</summary>
    public async Task<(PolicyVersion Version, string Json)?> GetAsync(string version, CancellationToken ct)
    {
        var active = (await ActiveAsync(ct))?.Version;
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("SELECT version, published_at, published_by, why, json FROM pricing_policy_version WHERE version = @v", ("@v", version));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        return (new PolicyVersion(reader.GetString(0), At(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(0) == active), reader.GetString(4));
    }

    /// <summary>Stores a new version (already validated) and makes it active; refused when the version exists.</summary>
    public async Task<PolicyOutcome> PublishAsync(string version, string json, string by, string why, CancellationToken ct)
    {
        await (await OpenAsync(ct)).DisposeAsync(); // the tables exist before the writer uses them
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = await connection.ExecuteAsync(transaction, "INSERT INTO pricing_policy_version (version, json, published_at, published_by, why) "
                + "VALUES (@v, @json, @at, @by, @why) ON CONFLICT DO NOTHING", ct, ("@v", version), ("@json", json), ("@at", now), ("@by", by), ("@why", why));
            if (inserted == 0)
                return new PolicyOutcome(PolicyRefusal.Conflict, "policy.version", $"version {version} is published already: a new policy needs a new version");
            await AddChangeAsync(connection, transaction, version, PolicyChangeKind.Published, now, by, why, ct);
            return PolicyOutcome.Done;
        }, ct);
    }

    /// <summary>Makes a stored version active again; refused when it does not exist or is the active one.</summary>
    public async Task<PolicyOutcome> RollBackAsync(string version, string by, string why, CancellationToken ct)
    {
        if (await GetAsync(version, ct) is not { } stored)
            return new PolicyOutcome(PolicyRefusal.NotFound, "version", $"no policy version {version} is stored");
        if (stored.Version.Active)
            return new PolicyOutcome(PolicyRefusal.Conflict, "version", $"version {version} is the active one already");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            await AddChangeAsync(connection, transaction, version, PolicyChangeKind.RolledBack, now, by, why, ct);
            return PolicyOutcome.Done;
        }, ct);
    }

    private static Task<int> AddChangeAsync(DbConnection connection, DbTransaction? transaction, string version, PolicyChangeKind kind, long at, string by, string why, CancellationToken ct) =>
        connection.ExecuteAsync(transaction, "INSERT INTO pricing_policy_change (version, kind, at, by, why) VALUES (@v, @kind, @at, @by, @why)",
            ct, ("@v", version), ("@kind", kind.ToString()), ("@at", at), ("@by", by), ("@why", why));

    private static DateTimeOffset At(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await database.OpenAsync(ct);
        if (_created)
            return connection;
        await _schema.WaitAsync(ct);
        try
        {
            if (!_created)
            {
                await connection.ExecuteAsync(database.IsPostgres ? PostgresSchema : SqliteSchema, ct);
                _created = true;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        finally
        {
            _schema.Release();
        }
        return connection;
    }
}
