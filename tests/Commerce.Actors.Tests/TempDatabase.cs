namespace Commerce.Actors.Tests;

/// <summary>A SQLite file of its own per test, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-test-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "grains.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
