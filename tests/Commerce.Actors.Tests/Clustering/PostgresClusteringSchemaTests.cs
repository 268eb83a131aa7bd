using Commerce.Actors.Clustering;
using Commerce.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Commerce.Actors.Tests.Clustering;

public sealed class PostgresClusteringSchemaTests
{
    /// <summary>The keys Orleans' AdoNet clustering provider (10.4.2) requires in OrleansQuery; a missing one fails its start.</summary>
    public static TheoryData<string> ProviderQueryKeys =>
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "GatewaysQueryKey",
    ];

    [Fact]
    public async Task Schema_is_created_twice_without_error_and_holds_every_query_once()
    {
        await using var database = await TempPostgresDatabase.CreateAsync();
        var schema = new PostgresClusteringSchema(database.ConnectionString, NullLogger<PostgresClusteringSchema>.Instance);

        await schema.EnsureCreatedAsync(CancellationToken.None);
        await schema.EnsureCreatedAsync(CancellationToken.None);

        var stored = await StoredQueriesAsync(database.ConnectionString);
        Assert.Equal(PostgresClusteringSchema.Queries.OrderBy(q => q.Key), stored.OrderBy(q => q.Key));
    }

    [Fact]
    public async Task Silos_starting_together_create_the_schema_once()
    {
        await using var database = await TempPostgresDatabase.CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            new PostgresClusteringSchema(database.ConnectionString, NullLogger<PostgresClusteringSchema>.Instance)
                .EnsureCreatedAsync(CancellationToken.None))));

        Assert.Equal(PostgresClusteringSchema.Queries.Count, (await StoredQueriesAsync(database.ConnectionString)).Count);
    }

    [Fact]
    public async Task A_changed_query_text_is_put_back_at_the_next_start()
    {
        await using var database = await TempPostgresDatabase.CreateAsync();
        var schema = new PostgresClusteringSchema(database.ConnectionString, NullLogger<PostgresClusteringSchema>.Instance);
        await schema.EnsureCreatedAsync(CancellationToken.None);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("UPDATE orleansquery SET querytext = 'SELECT 1' WHERE querykey = 'GatewaysQueryKey'", connection);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        await schema.EnsureCreatedAsync(CancellationToken.None);

        Assert.Equal(PostgresClusteringSchema.Queries["GatewaysQueryKey"], (await StoredQueriesAsync(database.ConnectionString))["GatewaysQueryKey"]);
    }

    [Theory]
    [MemberData(nameof(ProviderQueryKeys))]
    public void Every_query_the_provider_requires_is_written(string key) =>
        Assert.Contains(key, PostgresClusteringSchema.Queries.Keys);

    private static async Task<Dictionary<string, string>> StoredQueriesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The provider's own statement, unquoted: PostgreSQL folds it to the lower-case names we created.
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new Dictionary<string, string>();
        while (await reader.ReadAsync())
            stored.Add(reader.GetString(0), reader.GetString(1));
        return stored;
    }
}
