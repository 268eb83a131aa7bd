using Commerce.Testing;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;

namespace Commerce.Execution.Tests.Storage;

public sealed class PostgresExecutorStoreTests : ExecutorStoreContract
{
    private TempPostgresDatabase? _database;

    protected override async Task<IExecutorStore> CreateStoreAsync()
    {
        _database = await TempPostgresDatabase.CreateAsync();
        return new PostgresExecutorStore(_database.ConnectionString, TimeProvider.System);
    }

    protected override async Task DropAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
