using Commerce.Actors.Reminders;
using Commerce.Actors.Storage;
using Orleans;

namespace Commerce.Actors.Tests.Reminders;

public sealed class SqliteReminderTableTests : ReminderTableContract
{
    protected override async Task<(Func<string, Task<IReminderTable>>, IAsyncDisposable)> CreateDatabaseAsync()
    {
        var db = new TempDatabase();
        var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        async Task<IReminderTable> Open(string serviceId)
        {
            var table = new SqliteReminderTable(store, serviceId);
            await table.StartAsync(CancellationToken.None);
            return table;
        }
        return (Open, new Cleanup(async () => { await store.DisposeAsync(); db.Dispose(); }));
    }
}
