using System.Data.Common;

namespace Commerce.Connectors.Ingestion.Storage;

/// <summary>
/// The platform's database as the connectors see it (the host adapts its own; tests and benchmarks use
/// <see cref="StandaloneConnectorDatabase"/>). The connector tables (<see cref="ConnectorSchema"/>) exist once
/// <see cref="OpenAsync"/> or <see cref="WriteAsync{T}"/> returned.
/// </summary>
public interface IConnectorDatabase
{
    bool IsPostgres { get; }

    /// <summary>An open connection for reads.</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Runs <paramref name="work"/> as one transaction (the transaction is always passed).</summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct);
}
