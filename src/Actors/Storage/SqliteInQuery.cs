using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// "... WHERE x IN (...)" prepared for 64 values and for one, so looking up N keys costs about
/// N / 64 statements. Each command is built when first needed: a one-key lookup on a reader connection (a grain's
/// activation) builds only the one-value command, not the 65 parameters of the full one.
/// </summary>
internal sealed class SqliteInQuery
{
    public const int ValuesPerStatement = 64;

    private readonly SqliteConnection _connection;
    private readonly string _sql;
    private SqliteTransaction? _transaction;
    private SqliteCommand? _full;
    private SqliteCommand? _single;

    /// <param name="sql">The query with "{in}" where the list goes and $f0 for the one shared parameter.</param>
    public SqliteInQuery(SqliteConnection connection, string sql)
    {
        _connection = connection;
        _sql = sql;
    }

    public async Task ReadAsync<T>(object shared, IReadOnlyList<T> values, Func<T, object> toParameter, Action<SqliteDataReader> onRow, CancellationToken ct)
    {
        var index = 0;
        while (index < values.Count)
        {
            var count = values.Count - index >= ValuesPerStatement ? ValuesPerStatement : 1;
            var command = count == ValuesPerStatement
                ? _full ??= Build(_connection, _sql, ValuesPerStatement, _transaction)
                : _single ??= Build(_connection, _sql, 1, _transaction);
            command.Parameters[0].Value = shared;
            for (var i = 0; i < count; i++)
                command.Parameters[1 + i].Value = toParameter(values[index + i]);
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    onRow(reader);
            }
            index += count;
        }
    }

    public void UseTransaction(SqliteTransaction? transaction)
    {
        _transaction = transaction;
        _full?.Transaction = transaction;
        _single?.Transaction = transaction;
    }

    private static SqliteCommand Build(SqliteConnection connection, string sql, int count, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.Add(new SqliteParameter("$f0", null));
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = $"$v{i}";
            command.Parameters.Add(new SqliteParameter(names[i], null));
        }
        command.CommandText = sql.Replace("{in}", string.Join(", ", names));
        return command;
    }
}
