using System.Text;
using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;
using Commerce.Host.Ledger;
using Microsoft.Data.Sqlite;

namespace Commerce.Host.Tests;

/// <summary><c>commerce ledger verify</c> on a real SQLite store: intact, then tampered with.</summary>
public sealed class LedgerCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-ledger-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "grains.db")}";

    [Fact]
    public async Task Verify_says_intact_then_names_the_altered_entry_and_exits_1()
    {
        await using (var store = new SqliteGrainStore(ConnectionString, TimeProvider.System))
        {
            await store.InitializeAsync(CancellationToken.None);
            var cursor = new PartitionCursor("grains.order", "epoch-1", "commerce.order-events", 0);
            var entries = Enumerable.Range(1, 3)
                .Select(i => new LedgerWrite("order", $"0x0{i}", Guid.NewGuid(), DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes($$"""{"kind":"payment.Purchased","amount":"{{i}}"}""")))
                .ToList();
            await store.CommitAsync(new GrainBatchCommit("order", cursor, null, 1, [], [], Ledger: entries), CancellationToken.None);
        }

        var (code, output) = await RunAsync();
        Assert.Equal(0, code);
        Assert.StartsWith("ledger intact: 3 entries, head #3 0x", output);

        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = """UPDATE ledger SET entry = CAST('{"kind":"payment.Purchased","amount":"2000"}' AS BLOB) WHERE seq = 2""";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        (code, output) = await RunAsync();
        Assert.Equal(1, code);
        Assert.Contains("ledger BROKEN at entry 2: its content does not hash to its stored hash (altered)", output);
        Assert.Contains("the 1 entries before it are intact", output);
    }

    [Fact]
    public async Task An_unknown_action_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, await LedgerCommand.RunAsync(["check"], output, error));
        Assert.Contains("usage: commerce ledger verify", error.ToString());
    }

    private async Task<(int Code, string Output)> RunAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await LedgerCommand.RunAsync(["verify", "--Store:Provider", "sqlite", "--Store:ConnectionString", ConnectionString], output, error);
        SqliteConnection.ClearAllPools();
        return (code, output.ToString() + error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
