using System.Text.Json;
using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.Crm.Mapping;

/// <summary>
/// Turns one Change Data Capture event into loyalty records. CREATE and UNDELETE carry every field; UPDATE only the
/// changed ones, completed from <see cref="KnownAccounts"/> (unknown record: read again); DELETE takes the player's
/// loyalty away; a GAP_ event or an overflow carries no fields, so its records are read again. Changes that touch none
/// of the loyalty fields, or are older than what is known of the record, publish nothing.
/// </summary>
public sealed class ChangeEventProcessor(CrmOptions options, CrmFieldReader fields, KnownAccounts known)
{
    public KnownAccounts Known => known;

    public ChangeOutcome Process(JsonElement payload)
    {
        if (!ChangeHeader.TryRead(payload, out var header, out var error))
            return ChangeOutcome.Refuse(error);
        if (!string.Equals(header.EntityName, options.Entity, StringComparison.Ordinal))
            return ChangeOutcome.Nothing;
        if (header.Gap || header.Kind == ChangeKind.Overflow || header.Wildcard)
            return new ChangeOutcome([], header.Wildcard || header.Kind == ChangeKind.Overflow ? ["*"] : header.RecordIds, null);
        if (header.RecordIds.FirstOrDefault(id => !CrmFieldReader.IsRecordId(id)) is { } bad)
            return ChangeOutcome.Refuse($"ChangeEventHeader.recordIds: '{Truncate(bad)}' is not a record id");

        return header.Kind switch
        {
            ChangeKind.Create or ChangeKind.Undelete => Whole(header, payload),
            ChangeKind.Update => Update(header, payload),
            ChangeKind.Delete => Delete(header),
            _ => ChangeOutcome.Nothing,
        };
    }

    /// <summary>A record read from the REST API (backfill, re-read): remembered, and published when it is a player's and says something newer than what is known.</summary>
    public IngestRecord? Snapshot(CrmAccount account)
    {
        if (known.TryGet(account.Id, out var before)
            && (before.AsOf > account.AsOf || (before.AsOf == account.AsOf && before == account)))
            return null; // older than what is known, or what a change event already told
        known.Put(account);
        return account.Wallet is null ? null : LoyaltyRecords.Snapshot(account);
    }

    private ChangeOutcome Whole(ChangeHeader header, JsonElement payload)
    {
        var records = new List<IngestRecord>();
        foreach (var id in header.RecordIds)
        {
            if (!fields.TryReadAccount(payload, id, header.CommitTimestamp, out var account, out var error))
                return ChangeOutcome.Refuse(error);
            account = account with { AsOf = header.CommitTimestamp };
            if (Stale(id, header))
                continue;
            known.Put(account);
            if (account.Wallet is not null)
                records.Add(LoyaltyRecords.Change(header, id, account.Wallet, account.Tier, account.LifetimeValue));
        }
        return new ChangeOutcome(records, [], null);
    }

    private ChangeOutcome Update(ChangeHeader header, JsonElement payload)
    {
        if (!header.ChangedFields.Any(fields.IsLoyaltyField))
        {
            foreach (var id in header.RecordIds)
                if (known.TryGet(id, out var account) && account.AsOf < header.CommitTimestamp)
                    known.Put(account with { AsOf = header.CommitTimestamp });
            return ChangeOutcome.Nothing;
        }
        if (!fields.TryWallet(payload, out var wallet, out var error) || !fields.TryTier(payload, out var tier, out error)
            || !fields.TryValue(payload, out var value, out error))
            return ChangeOutcome.Refuse(error);
        var changed = header.ChangedFields.ToHashSet(StringComparer.Ordinal);
        var records = new List<IngestRecord>();
        var unknown = new List<string>();
        foreach (var id in header.RecordIds)
        {
            if (!known.TryGet(id, out var before))
            {
                unknown.Add(id);
                continue;
            }
            if (before.AsOf > header.CommitTimestamp)
                continue;
            var after = before with
            {
                Wallet = changed.Contains(fields.WalletField) ? wallet : before.Wallet,
                Tier = changed.Contains(fields.TierField) ? tier ?? LoyaltyTiers.None : before.Tier,
                LifetimeValue = changed.Contains(fields.LifetimeValueField) ? value ?? 0m : before.LifetimeValue,
                AsOf = header.CommitTimestamp,
            };
            known.Put(after);
            if (before.Wallet is not null && before.Wallet != after.Wallet)
                records.Add(LoyaltyRecords.Change(header, id, before.Wallet, LoyaltyTiers.None, 0m)); // the old wallet's player loses it
            if (after.Wallet is not null)
                records.Add(LoyaltyRecords.Change(header, id, after.Wallet, after.Tier, after.LifetimeValue));
        }
        return new ChangeOutcome(records, unknown, null);
    }

    private ChangeOutcome Delete(ChangeHeader header)
    {
        var records = new List<IngestRecord>();
        foreach (var id in header.RecordIds)
        {
            if (!known.TryGet(id, out var before) || before.AsOf > header.CommitTimestamp)
                continue;
            known.Put(before with { Wallet = null, Tier = LoyaltyTiers.None, LifetimeValue = 0m, AsOf = header.CommitTimestamp });
            if (before.Wallet is not null)
                records.Add(LoyaltyRecords.Change(header, id, before.Wallet, LoyaltyTiers.None, 0m));
        }
        return new ChangeOutcome(records, [], null);
    }

    private bool Stale(string id, ChangeHeader header) => known.TryGet(id, out var before) && before.AsOf > header.CommitTimestamp;

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
