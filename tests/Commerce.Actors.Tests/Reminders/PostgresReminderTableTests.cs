using Commerce.Actors.Reminders;
using Commerce.Testing;
using Npgsql;
using Orleans;

namespace Commerce.Actors.Tests.Reminders;

/// <summary>Needs the test PostgreSQL server (COMMERCE_TEST_POSTGRES), like the grain store's PostgreSQL contract.</summary>
public sealed class PostgresReminderTableTests : ReminderTableContract
{
    protected override async Task<(Func<string, Task<IReminderTable>>, IAsyncDisposable)> CreateDatabaseAsync()
    {
        var db = await TempPostgresDatabase.CreateAsync();
        var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        async Task<IReminderTable> Open(string serviceId)
        {
            var table = new PostgresReminderTable(dataSource, serviceId);
            await table.StartAsync(CancellationToken.None);
            return table;
        }
        return (Open, new Cleanup(async () => { await dataSource.DisposeAsync(); await db.DisposeAsync(); }));
    }
}
