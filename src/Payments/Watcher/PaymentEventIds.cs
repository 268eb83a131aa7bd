using Commerce.Payments.Following;

namespace Commerce.Payments.Watcher;

/// <summary>
/// Deterministic envelope ids: SHA-256 of (transaction hash, log index, stage, block hash), cut to a
/// UUID (version 8, RFC 9562 variant). The same observation always gets the same id, so a record the
/// outbox sends twice, or a re-scan reports again, is deduped downstream.
/// </summary>
public static class PaymentEventIds
{
    public static Guid For(string transactionHash, int logIndex, ObservationStage stage, string blockHash)
    {
        var text = $"{transactionHash.ToLowerInvariant()}|{logIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{stage}|{blockHash.ToLowerInvariant()}";
        return DeterministicId.Of(text);
    }
}
