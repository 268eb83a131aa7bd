using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Commerce.Actors.Clustering;

/// <summary>
/// Creates, idempotently, what Orleans' AdoNet clustering provider needs in a PostgreSQL database: our two
/// membership tables and the <c>OrleansQuery</c> table holding the statements the provider runs.
/// </summary>
/// <remarks>
/// The provider knows no table: at start it runs <c>SELECT QueryKey, QueryText FROM OrleansQuery</c>, requires
/// every key of <see cref="Queries"/> (CleanupDefunctSiloEntryKey is optional to it) and from then on only runs
/// those texts. It binds parameters by name (<c>@DeploymentId</c> is the ClusterId; <c>@Address</c>, <c>@Port</c>,
/// <c>@Generation</c> name one silo; times are UTC DateTimes sent as timestamptz) and reads result columns by name.
/// Writes that must be atomic return one row with one integer column: above 0 for success, 0 when the expected
/// table version did not match.
/// The membership table has one version number per cluster, which is also every row's etag; every insert or update
/// of a silo row must move it from the version the caller read (<c>@Version</c>) to the next one, or change nothing.
/// Heartbeats change no version, and a liveness time never moves backwards.
/// </remarks>
public sealed partial class PostgresClusteringSchema(string connectionString, ILogger<PostgresClusteringSchema> logger)
{
    /// <summary>Held for the creating transaction, so silos starting together do not race on CREATE TABLE.</summary>
    private const long SchemaLockKey = 7261540;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey  varchar(64) PRIMARY KEY,
            querytext text NOT NULL);

        -- One row per cluster: the membership table's version (its etag) and when it last moved.
        CREATE TABLE IF NOT EXISTS orleans_membership_version (
            cluster_id text PRIMARY KEY,
            version    integer NOT NULL DEFAULT 0,
            changed_at timestamptz NOT NULL DEFAULT now());

        -- One row per silo incarnation (address, port and generation, the generation being new at every start).
        -- status is Orleans' SiloStatus number (3 = Active, 6 = Dead); suspect_times is the provider's own text
        -- ("silo,time|silo,time"), kept as given.
        CREATE TABLE IF NOT EXISTS orleans_membership (
            cluster_id    text NOT NULL REFERENCES orleans_membership_version (cluster_id),
            address       text NOT NULL,
            port          integer NOT NULL,
            generation    integer NOT NULL,
            silo_name     text NOT NULL,
            host_name     text NOT NULL,
            status        integer NOT NULL,
            proxy_port    integer NOT NULL DEFAULT 0,
            suspect_times text NULL,
            started_at    timestamptz NOT NULL,
            i_am_alive_at timestamptz NOT NULL,
            PRIMARY KEY (cluster_id, address, port, generation));
        """;

    // The columns a membership read returns, under the names the provider reads. A cluster's version row is always
    // returned (left join), so a read of a cluster without silos still yields the version; a row whose silo columns
    // are NULL (no StartTime) means "no silo".
    private const string MembershipColumns = """
        v.version         AS "Version",
        m.address         AS "Address",
        m.port            AS "Port",
        m.generation      AS "Generation",
        m.silo_name       AS "SiloName",
        m.host_name       AS "HostName",
        m.status          AS "Status",
        m.proxy_port      AS "ProxyPort",
        m.suspect_times   AS "SuspectTimes",
        m.started_at      AS "StartTime",
        m.i_am_alive_at   AS "IAmAliveTime"
        """;

    /// <summary>The statements the provider runs, by the key it looks them up with.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>
    {
        // At a silo's start: make sure the cluster has its version row (version 0). Returns 1 if this call created
        // it, 0 if it was there.
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO orleans_membership_version (cluster_id) VALUES (@DeploymentId)
                ON CONFLICT (cluster_id) DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer FROM created
            """,

        // Every silo of the cluster with the cluster's version, read in one statement (one snapshot).
        ["MembershipReadAllKey"] = $"""
            SELECT {MembershipColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.cluster_id = v.cluster_id
            WHERE v.cluster_id = @DeploymentId
            """,

        // One silo (by address, port, generation) with the cluster's version, read in one statement.
        ["MembershipReadRowKey"] = $"""
            SELECT {MembershipColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.cluster_id = v.cluster_id
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.cluster_id = @DeploymentId
            """,

        // A silo joins: add its row and move the version from @Version to @Version + 1, both or neither. Returns 0
        // when the version moved since the caller read it or the silo's row exists already. (Two callers racing
        // with the same @Version queue on the version row and the second finds it moved.)
        ["InsertMembershipKey"] = """
            WITH bumped AS (
                UPDATE orleans_membership_version
                SET version = version + 1, changed_at = now()
                WHERE cluster_id = @DeploymentId AND version = @Version
                  AND NOT EXISTS (
                      SELECT 1 FROM orleans_membership
                      WHERE cluster_id = @DeploymentId
                        AND address = @Address AND port = @Port AND generation = @Generation)
                RETURNING cluster_id),
            inserted AS (
                INSERT INTO orleans_membership (
                    cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                    started_at, i_am_alive_at)
                SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                       coalesce(@ProxyPort, 0), @StartTime, @IAmAliveTime
                FROM bumped
                RETURNING 1)
            SELECT count(*)::integer FROM inserted
            """,

        // A silo's status, suspicions and liveness change (joining -> active, suspected, declared dead...): update
        // its row and move the version from @Version to @Version + 1, both or neither. Returns 0 when the version
        // moved or the row does not exist. The row is locked first so it cannot vanish between the two writes.
        // The liveness time keeps the later of the stored and the given one: another silo writing this row (a
        // suspicion) carries the time it read, which may be older than the owner's last heartbeat.
        ["UpdateMembershipKey"] = """
            WITH target AS (
                SELECT 1 FROM orleans_membership
                WHERE cluster_id = @DeploymentId
                  AND address = @Address AND port = @Port AND generation = @Generation
                FOR UPDATE),
            bumped AS (
                UPDATE orleans_membership_version
                SET version = version + 1, changed_at = now()
                WHERE cluster_id = @DeploymentId AND version = @Version AND EXISTS (SELECT 1 FROM target)
                RETURNING cluster_id),
            updated AS (
                UPDATE orleans_membership m
                SET status = @Status, suspect_times = @SuspectTimes,
                    i_am_alive_at = greatest(m.i_am_alive_at, @IAmAliveTime)
                FROM bumped
                WHERE m.cluster_id = bumped.cluster_id
                  AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT count(*)::integer FROM updated
            """,

        // The periodic heartbeat: only the silo's liveness time changes (never backwards); no version check or change.
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE orleans_membership SET i_am_alive_at = greatest(i_am_alive_at, @IAmAliveTime)
            WHERE cluster_id = @DeploymentId
              AND address = @Address AND port = @Port AND generation = @Generation
            """,

        // Forget a whole cluster: its silo rows and its version row, in one statement.
        ["DeleteMembershipTableEntriesKey"] = """
            WITH silos AS (DELETE FROM orleans_membership WHERE cluster_id = @DeploymentId)
            DELETE FROM orleans_membership_version WHERE cluster_id = @DeploymentId
            """,

        // Housekeeping (the provider's fallback when CleanupDefunctSiloEntryKey is missing): drop rows of dead silos
        // (status 6) that started and were last heard of before @IAmAliveTime, the cutoff. The version stays.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleans_membership
            WHERE cluster_id = @DeploymentId AND status = 6
              AND i_am_alive_at < @IAmAliveTime AND started_at < @IAmAliveTime
            """,

        // Housekeeping, optional key, used when present: the provider reads the table, picks the dead rows it deems
        // old enough and deletes each one only if it is still exactly as read (still dead, same start and liveness
        // times, same suspicions), so a row another silo changed meanwhile stays. The version stays.
        ["CleanupDefunctSiloEntryKey"] = """
            DELETE FROM orleans_membership
            WHERE cluster_id = @DeploymentId
              AND address = @Address AND port = @Port AND generation = @Generation
              AND status = 6
              AND started_at = @StartTime AND i_am_alive_at = @IAmAliveTime
              AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
            """,

        // For clients: the gateways of silos in status @Status (the provider asks for Active), as address, gateway
        // port and generation.
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_membership
            WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,
    };

    /// <summary>Creates the tables if missing and writes every query text (replacing a different text under the same key).</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await using (var create = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey}); {CreateTables}", connection, transaction))
            await create.ExecuteNonQueryAsync(ct);

        await using var upsert = new NpgsqlCommand("""
            INSERT INTO orleansquery (querykey, querytext)
            SELECT * FROM unnest($1::varchar(64)[], $2::text[])
            ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext
            WHERE orleansquery.querytext IS DISTINCT FROM excluded.querytext
            """, connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = Queries.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        upsert.Parameters.Add(new NpgsqlParameter { Value = Queries.Values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var changed = await upsert.ExecuteNonQueryAsync(ct);

        await transaction.CommitAsync(ct);
        LogSchemaReady(logger, connection.Database, changed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clustering schema ready in database {Database}: {Changed} query texts written, {ElapsedMs:F0} ms")]
    private static partial void LogSchemaReady(ILogger logger, string database, int changed, double elapsedMs);
}
