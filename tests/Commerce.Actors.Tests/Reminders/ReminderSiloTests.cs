using Commerce.Actors.Reminders;
using Commerce.Actors.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.TestingHost;

namespace Commerce.Actors.Tests.Reminders;

/// <summary>An Orleans silo keeps its reminders in our SQLite table and fires them.</summary>
public sealed class ReminderSiloTests
{
    private static readonly TimeSpan TickDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_silo_with_the_sqlite_reminder_table_fires_a_reminder_a_grain_registered()
    {
        using var db = new TempDatabase();
        await using var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IGrainStore>(store);
            silo.UseCommerceReminders("sqlite");
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var key = Guid.NewGuid().ToString("N");
        var ticked = ReminderTicks.FirstTick(key);
        var grain = cluster.Client.GetGrain<IReminderProbeGrain>(key);

        await grain.RegisterAsync("probe", dueTime: TimeSpan.FromSeconds(1), period: TimeSpan.FromMinutes(1));

        var table = cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        Assert.IsType<SqliteReminderTable>(table);
        var row = Assert.Single((await table.ReadRows(grain.GetGrainId())).Reminders);
        Assert.Equal(("probe", TimeSpan.FromMinutes(1)), (row.ReminderName, row.Period));
        try
        {
            Assert.Equal("probe", await ticked.WaitAsync(TickDeadline));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"expected the 'probe' reminder to fire within {TickDeadline.TotalSeconds:F0} s of its 1 s due time");
        }
    }

    [Fact]
    public void An_unknown_provider_is_refused_by_name()
    {
        var services = new ServiceCollection();

        var refused = Assert.Throws<ArgumentException>(() => services.AddCommerceReminderTable("mysql"));

        Assert.Contains("'mysql'", refused.Message);
        Assert.Contains("Store:Provider", refused.Message);
    }
}
