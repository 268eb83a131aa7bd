using Commerce.Testing;

namespace Commerce.Actors.Tests.Harness;

/// <summary>
/// A database of its own for one platform test: a SQLite file, or a PostgreSQL database on the test server
/// (COMMERCE_TEST_POSTGRES, found as the PostgreSQL contract tests find it: without it the test fails, it is not skipped).
/// Several hosts started one after another on it see the same state.
/// </summary>
public sealed class PlatformDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly TempDatabase? _sqlite;
    private readonly TempPostgresDatabase? _postgres;

    private PlatformDatabase(string provider, string connectionString, TempDatabase? sqlite, TempPostgresDatabase? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlite = sqlite;
        _postgres = postgres;
    }

    /// <summary>The Store:Provider the platform is configured with.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public static async Task<PlatformDatabase> CreateAsync(string provider)
    {
        switch (provider)
        {
            case Sqlite:
                var sqlite = new TempDatabase();
                return new PlatformDatabase(provider, sqlite.ConnectionString, sqlite, null);
            case Postgres:
                var postgres = await TempPostgresDatabase.CreateAsync();
                return new PlatformDatabase(provider, postgres.ConnectionString, null, postgres);
            default:
                throw new ArgumentException($"the store provider must be '{Sqlite}' or '{Postgres}', not '{provider}'", nameof(provider));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}
