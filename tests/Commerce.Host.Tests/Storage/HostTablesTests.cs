using Commerce.Actors.Storage;
using Commerce.Host.Auth;
using Commerce.Host.Orders;
using Commerce.Host.Storage;
using Commerce.Testing;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Tests.Storage;

/// <summary>The host's tables behave the same on SQLite (one instance) and PostgreSQL (several).</summary>
public sealed class HostTablesTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_nonce_is_consumed_once_and_a_key_claims_its_order_once(string provider)
    {
        await using var store = await StoreAsync(provider);
        var nonces = new UsedNonces(store.Database, _clock);
        var keys = new IdempotencyKeys(store.Database, _clock);
        var revoked = new RevokedTokens(store.Database, _clock, Options.Create(new AuthOptions()));

        Assert.True(await nonces.TryConsumeAsync("n1", _clock.GetUtcNow().AddMinutes(5), default));
        Assert.False(await nonces.TryConsumeAsync("n1", _clock.GetUtcNow().AddMinutes(5), default));

        Assert.IsType<IdempotencyClaim.Claimed>(await keys.ClaimAsync("p1", "k1", "h1", "o1", default));
        Assert.Equal(new IdempotencyClaim.Existing("h1", null, null), await keys.ClaimAsync("p1", "k1", "h1", "o1", default));
        Assert.IsType<IdempotencyClaim.OrderTaken>(await keys.ClaimAsync("p1", "k2", "h1", "o1", default));
        Assert.IsType<IdempotencyClaim.Claimed>(await keys.ClaimAsync("p2", "k1", "h9", "o2", default));
        await keys.CompleteAsync("p1", "k1", 202, "{}", default);
        Assert.Equal(new IdempotencyClaim.Existing("h1", 202, "{}"), await keys.ClaimAsync("p1", "k1", "h1", "o1", default));
        await keys.ReleaseAsync("p2", "k1", default);
        Assert.IsType<IdempotencyClaim.Claimed>(await keys.ClaimAsync("p2", "k1", "h9", "o2", default));

        Assert.False(await revoked.IsRevokedAsync("t1", default));
        await revoked.RevokeAsync("t1", _clock.GetUtcNow().AddMinutes(15), default);
        Assert.True(await revoked.IsRevokedAsync("t1", default));
    }

    private static async Task<TestStore> StoreAsync(string provider)
    {
        if (provider == "postgres")
        {
            var database = await TempPostgresDatabase.CreateAsync();
            return new TestStore(Database(provider, database.ConnectionString), database.DisposeAsync, null);
        }
        // SQLite: the host's writes join the grain store's single writer, as in the platform.
        var directory = Directory.CreateTempSubdirectory("commerce-host-tables-").FullName;
        var connectionString = $"Data Source={Path.Combine(directory, "commerce.db")}";
        var grains = new SqliteGrainStore(connectionString, TimeProvider.System);
        await grains.InitializeAsync(default);
        return new TestStore(Database(provider, connectionString, grains), grains.DisposeAsync, directory);
    }

    private static HostDatabase Database(string provider, string connectionString, SqliteGrainStore? writer = null) =>
        new(Options.Create(new StoreOptions { Provider = provider, ConnectionString = connectionString }), writer);

    private sealed class TestStore(HostDatabase database, Func<ValueTask> drop, string? directory) : IAsyncDisposable
    {
        public HostDatabase Database { get; } = database;

        public async ValueTask DisposeAsync()
        {
            await drop();
            if (directory is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
