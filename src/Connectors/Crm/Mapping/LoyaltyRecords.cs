using System.Globalization;
using Commerce.Connectors.Ingestion;
using Commerce.Events.Player;
using Commerce.Events.Topics;

namespace Commerce.Connectors.Crm.Mapping;

/// <summary>
/// <see cref="LoyaltyUpdated"/> records on commerce.player-events, keyed by the player (the wallet). The ids come from
/// the CRM's own: a record's id and modstamp (a snapshot), or a change's transaction key, sequence number and record id.
/// </summary>
public static class LoyaltyRecords
{
    public const string Source = "crm";

    public static IngestRecord Snapshot(CrmAccount account) =>
        Record(StableEventId.Of(Source, "snapshot", account.Id, account.AsOf.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            account.Wallet!, account.Tier, account.LifetimeValue, account.AsOf, account.Id);

    public static IngestRecord Change(ChangeHeader header, string recordId, string wallet, string tier, decimal lifetimeValue) =>
        Record(StableEventId.Of(Source, "change", header.TransactionKey, header.SequenceNumber.ToString(CultureInfo.InvariantCulture), recordId, wallet),
            wallet, tier, lifetimeValue, header.CommitTimestamp, recordId);

    private static IngestRecord Record(Guid id, string wallet, string tier, decimal lifetimeValue, DateTimeOffset at, string recordId) =>
        new(id, TopicCatalog.PlayerEvents, wallet, new LoyaltyUpdated(wallet, tier, lifetimeValue), at, $"crm/{recordId}");
}
