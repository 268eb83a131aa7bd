using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;

namespace Commerce.Execution.Tests.Storage;

public sealed class SqliteExecutorStoreTests : ExecutorStoreContract
{
    private readonly TempSqlite _file = new();

    protected override Task<IExecutorStore> CreateStoreAsync() =>
        Task.FromResult<IExecutorStore>(new SqliteExecutorStore(_file.ConnectionString, TimeProvider.System));

    protected override Task DropAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
