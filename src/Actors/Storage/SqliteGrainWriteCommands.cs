using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// The conditional grain_state statements of <see cref="GrainWrite"/>, prepared once on the store's writer connection.
/// The version check is part of each statement: a write that changes no row met another version.
/// </summary>
internal sealed class SqliteGrainWriteCommands
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _rowCount;
    private readonly SqliteCommand _version;

    public SqliteGrainWriteCommands(SqliteConnection writer)
    {
        // Expected version 0: the row must not exist yet; an existing row is left alone (zero rows changed).
        _insert = Prepare(writer, """
            INSERT INTO grain_state (grain_type, key, json, version, updated_at, origins) VALUES ($type, $key, $json, 1, $now, $origins)
            ON CONFLICT (grain_type, key) DO NOTHING
            """, "$type", "$key", "$json", "$now", "$origins");
        _update = Prepare(writer, """
            UPDATE grain_state SET json = $json, version = $expected + 1, updated_at = $now, origins = $origins
            WHERE grain_type = $type AND key = $key AND version = $expected
            """, "$type", "$key", "$json", "$now", "$origins", "$expected");
        _delete = Prepare(writer, "DELETE FROM grain_state WHERE grain_type = $type AND key = $key AND version = $expected", "$type", "$key", "$expected");
        // Clearing with expected version 0 succeeds only when there is no row: one row counted is the conflict.
        _rowCount = Prepare(writer, "SELECT COUNT(*) FROM grain_state WHERE grain_type = $type AND key = $key", "$type", "$key");
        _version = Prepare(writer, "SELECT version FROM grain_state WHERE grain_type = $type AND key = $key", "$type", "$key");
    }

    /// <returns>False when the stored version is not the write's expected one (nothing was changed).</returns>
    public async Task<bool> TryWriteStateAsync(SqliteTransaction transaction, GrainWrite write, long now, CancellationToken ct)
    {
        var command = write.ExpectedVersion == 0 ? _insert : _update;
        command.Transaction = transaction;
        command.Parameters["$type"].Value = write.GrainType;
        command.Parameters["$key"].Value = write.Key;
        command.Parameters["$json"].Value = write.StateJson;
        command.Parameters["$now"].Value = now;
        command.Parameters["$origins"].Value = (object?)write.OriginsJson ?? DBNull.Value;
        if (write.ExpectedVersion != 0)
            command.Parameters["$expected"].Value = write.ExpectedVersion;
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <returns>False when the stored version is not <paramref name="expected"/> (nothing was deleted).</returns>
    public async Task<bool> TryClearAsync(SqliteTransaction transaction, string grainType, string key, long expected, CancellationToken ct)
    {
        if (expected == 0)
            return (long)(await ExecuteScalarAsync(_rowCount, transaction, grainType, key, ct))! == 0;
        _delete.Transaction = transaction;
        _delete.Parameters["$type"].Value = grainType;
        _delete.Parameters["$key"].Value = key;
        _delete.Parameters["$expected"].Value = expected;
        return await _delete.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The stored version, or null without a row: what a conflict reports.</summary>
    public async Task<long?> ReadVersionAsync(SqliteTransaction transaction, string grainType, string key, CancellationToken ct) =>
        await ExecuteScalarAsync(_version, transaction, grainType, key, ct) is long version ? version : null;

    private static Task<object?> ExecuteScalarAsync(SqliteCommand command, SqliteTransaction transaction, string grainType, string key, CancellationToken ct)
    {
        command.Transaction = transaction;
        command.Parameters["$type"].Value = grainType;
        command.Parameters["$key"].Value = key;
        return command.ExecuteScalarAsync(ct);
    }

    private static SqliteCommand Prepare(SqliteConnection writer, string sql, params string[] parameters)
    {
        var command = writer.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }
}
