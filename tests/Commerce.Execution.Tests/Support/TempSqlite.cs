namespace Commerce.Execution.Tests.Support;

/// <summary>A SQLite file of its own for one test, deleted (with its WAL) afterwards.</summary>
public sealed class TempSqlite : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"commerce-exec-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}
