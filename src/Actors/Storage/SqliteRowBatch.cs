using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// A multi-row statement ("... VALUES (...), (...), ...") prepared once for <see cref="RowsPerStatement"/>
/// rows and once for a single row, so a batch of N rows costs N / 64 + N % 64 executions instead of N.
/// Used only on the store's single writer connection.
/// </summary>
internal sealed class SqliteRowBatch
{
    public const int RowsPerStatement = 64;

    private readonly SqliteCommand _full;
    private readonly SqliteCommand _single;
    private readonly int _columns;
    private readonly int _fixedParameters;

    /// <param name="head">The statement up to VALUES, e.g. "INSERT INTO t (a, b) VALUES".</param>
    /// <param name="tail">What follows the rows, e.g. an ON CONFLICT clause.</param>
    /// <param name="fixedParameters">Parameters shared by every row (named $f0, $f1, ...); a row's placeholders may use them.</param>
    /// <param name="row">A row template with {0}, {1}... for its own values and $f0... for the shared ones.</param>
    public SqliteRowBatch(SqliteConnection connection, string head, string row, string tail, int columns, int fixedParameters)
    {
        _columns = columns;
        _fixedParameters = fixedParameters;
        _full = Build(connection, head, row, tail, RowsPerStatement, columns, fixedParameters);
        _single = Build(connection, head, row, tail, 1, columns, fixedParameters);
    }

    public async Task ExecuteAsync<T>(SqliteTransaction transaction, IReadOnlyList<T> items, object?[] fixedValues, Action<T, object?[]> fill, CancellationToken ct)
    {
        var values = new object?[_columns];
        var index = 0;
        while (items.Count - index >= RowsPerStatement)
        {
            Bind(_full, transaction, fixedValues);
            for (var r = 0; r < RowsPerStatement; r++)
                Fill(_full, r, items[index + r], values, fill);
            await _full.ExecuteNonQueryAsync(ct);
            index += RowsPerStatement;
        }
        for (; index < items.Count; index++)
        {
            Bind(_single, transaction, fixedValues);
            Fill(_single, 0, items[index], values, fill);
            await _single.ExecuteNonQueryAsync(ct);
        }
    }

    private void Fill<T>(SqliteCommand command, int row, T item, object?[] values, Action<T, object?[]> fill)
    {
        fill(item, values);
        var first = _fixedParameters + row * _columns;
        for (var c = 0; c < _columns; c++)
            command.Parameters[first + c].Value = values[c] ?? DBNull.Value;
    }

    private static void Bind(SqliteCommand command, SqliteTransaction transaction, object?[] fixedValues)
    {
        command.Transaction = transaction;
        for (var i = 0; i < fixedValues.Length; i++)
            command.Parameters[i].Value = fixedValues[i] ?? DBNull.Value;
    }

    private static SqliteCommand Build(SqliteConnection connection, string head, string row, string tail, int rows, int columns, int fixedParameters)
    {
        var command = connection.CreateCommand();
        for (var f = 0; f < fixedParameters; f++)
            command.Parameters.Add(new SqliteParameter($"$f{f}", null));
        var rowsSql = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new object[columns];
            for (var c = 0; c < columns; c++)
            {
                names[c] = $"$r{r}c{c}";
                command.Parameters.Add(new SqliteParameter($"$r{r}c{c}", null));
            }
            rowsSql.Add(string.Format(row, names));
        }
        command.CommandText = $"{head} {string.Join(", ", rowsSql)} {tail}";
        return command;
    }
}
