using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// "... WHERE x IN (...)" prepared for 64 values and for one, so looking up N keys costs about
/// N / 64 statements. Used only on the store's single writer connection.
/// </summary>
internal sealed class SqliteInQuery
{
    public const int ValuesPerStatement = 64;

    private readonly SqliteCommand _full;
    private readonly SqliteCommand _single;

    /// <param name="sql">The query with "{in}" where the list goes and $f0 for the one shared parameter.</param>
    public SqliteInQuery(SqliteConnection connection, string sql)
    {
        _full = Build(connection, sql, ValuesPerStatement);
        _single = Build(connection, sql, 1);
    }

    public async Task ReadAsync<T>(object shared, IReadOnlyList<T> values, Func<T, object> toParameter, Action<SqliteDataReader> onRow, CancellationToken ct)
    {
        var index = 0;
        while (index < values.Count)
        {
            var command = values.Count - index >= ValuesPerStatement ? _full : _single;
            var count = command == _full ? ValuesPerStatement : 1;
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
        _full.Transaction = transaction;
        _single.Transaction = transaction;
    }

    private static SqliteCommand Build(SqliteConnection connection, string sql, int count)
    {
        var command = connection.CreateCommand();
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
