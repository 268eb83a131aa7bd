using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Orders;
using Commerce.Host.Reconcile;
using Commerce.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Commerce.Host.Tests.Reconcile;

/// <summary>The <c>commerce reconcile</c> command: its options, its exit codes, reading the store.</summary>
public sealed class ReconcileCommandTests
{
    [Theory]
    [InlineData(new[] { "--store", "mysql", "--connection", "x" }, "--store")]
    [InlineData(new[] { "--store", "sqlite" }, "--connection")]
    [InlineData(new[] { "--connection", "Data Source=x.db", "--rpc", "ftp://node" }, "--rpc")]
    [InlineData(new[] { "--connection", "Data Source=x.db", "--checkout", "0x12" }, "--checkout")]
    [InlineData(new[] { "--connection", "Data Source=x.db", "--slack", "-1" }, "--slack")]
    [InlineData(new[] { "--connection", "Data Source=x.db", "--colour" }, "--colour")]
    [InlineData(new[] { "--connection" }, "--connection")]
    public async Task Bad_input_exits_2_naming_the_option(string[] args, string option)
    {
        var error = new StringWriter();
        var code = await ReconcileCommand.RunAsync(args, new ConfigurationBuilder().Build(), new StringWriter(), error);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {option}:", error.ToString());
    }

    [Fact]
    public async Task A_stale_order_in_a_postgres_store_is_reported_and_the_configuration_supplies_the_defaults()
    {
        await using var database = await TempPostgresDatabase.CreateAsync();
        await using (var store = new PostgresGrainStore(database.ConnectionString, TimeProvider.System))
            await store.InitializeAsync(default);
        var orderId = "0x" + new string('7', 64);
        var stale = OrderState.New(orderId) with
        {
            PlayerId = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            Wallet = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ItemId = "dragons:1",
            Quote = new OrderQuote("0xdddddddddddddddddddddddddddddddddddddddd", "1", "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "0x0000000000000000000000000000000000000000", "1000", 1, 0, orderId),
            Status = OrderStatus.Reserved,
            ReservedUntil = DateTimeOffset.UtcNow.AddHours(-1),
        };
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO grain_state (grain_type, key, json, version, updated_at) VALUES ('order', @key, @json, 1, now())", connection);
            insert.Parameters.AddWithValue("key", orderId);
            insert.Parameters.AddWithValue("json", JsonSerializer.Serialize(stale, GrainJsonContext.Default.OrderState));
            await insert.ExecuteNonQueryAsync();
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = database.ConnectionString,
        }).Build();

        var output = new StringWriter();
        var code = await ReconcileCommand.RunAsync([], configuration, output, new StringWriter());

        Assert.Equal(1, code);
        Assert.Contains($"MISMATCH stale {orderId}: still reserved", output.ToString());
        Assert.Contains("topic: not compared", output.ToString());
        Assert.Contains("chain: not compared", output.ToString());
    }

    [Fact]
    public async Task An_empty_store_agrees_with_everything_and_exits_0()
    {
        var directory = Directory.CreateTempSubdirectory("commerce-reconcile-").FullName;
        try
        {
            var path = Path.Combine(directory, "commerce.db");
            await using (var store = new SqliteGrainStore($"Data Source={path}", TimeProvider.System))
                await store.InitializeAsync(default);
            var output = new StringWriter();
            var code = await ReconcileCommand.RunAsync(["--connection", $"Data Source={path}", "--json"], new ConfigurationBuilder().Build(), output, new StringWriter());
            Assert.Equal(0, code);
            var json = JsonDocument.Parse(output.ToString()).RootElement;
            Assert.Equal(0, json.GetProperty("orders").GetInt32());
            Assert.Equal(0, json.GetProperty("mismatches").GetArrayLength());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
