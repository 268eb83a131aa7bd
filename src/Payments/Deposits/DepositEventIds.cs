using Commerce.Payments.Following;
using Commerce.Payments.Watcher;

namespace Commerce.Payments.Deposits;

/// <summary>
/// Deterministic envelope ids of deposit reports: SHA-256 of ("deposit", transaction hash, stage, block hash), cut
/// to a UUID (version 8, RFC 9562 variant). A report sent twice (outbox retry, re-scan) is deduped by the custody grain.
/// </summary>
public static class DepositEventIds
{
    public static Guid For(string transactionHash, ObservationStage stage, string blockHash)
    {
        var text = $"deposit|{transactionHash.ToLowerInvariant()}|{stage}|{blockHash.ToLowerInvariant()}";
        return DeterministicId.Of(text);
    }
}
