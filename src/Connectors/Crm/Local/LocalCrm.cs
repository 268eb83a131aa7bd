using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commerce.Connectors.Crm.Configuration;

namespace Commerce.Connectors.Crm.Local;

/// <summary>
/// A seeded, Salesforce-shaped CRM in memory: accounts with the loyalty fields, SOQL answers in pages, and a change
/// event for every change (CREATE, UPDATE, DELETE, UNDELETE, GAP_ variants, GAP_OVERFLOW) in the documented
/// Change Data Capture shape, retained for replay (<see cref="Changes"/>). Thread-safe.
/// </summary>
public sealed partial class LocalCrm
{
    private readonly object _lock = new();
    private readonly Dictionary<string, LocalAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _cursors = new(StringComparer.Ordinal);
    private readonly CrmOptions _options;
    private readonly TimeProvider _clock;
    private long _nextId = 1;
    private long _nextCursor = 1;
    private long _transactions;

    public LocalCrm(CrmOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        Changes = new LocalChangeLog(options.Local.RetainedEvents);
        Tokens = new LocalCrmTokens(options.Local.ClientId, options.Local.ClientSecret);
        Writer = new LocalChangeWriter(options);
    }

    public LocalChangeLog Changes { get; }

    public LocalCrmTokens Tokens { get; }

    public LocalCrmFaults Faults { get; } = new();

    public LocalChangeWriter Writer { get; }

    public CrmOptions Options => _options;

    public TimeProvider Clock => _clock;

    /// <summary>Queries of every record (a backfill or an overflow), as opposed to queries of some records by id.</summary>
    public long FullQueries => Interlocked.Read(ref _fullQueries);

    private long _fullQueries;

    public int Count
    {
        get { lock (_lock) return _accounts.Count; }
    }

    /// <summary>Adds the seed's accounts without change events (they existed before the connector looked); answers their ids in order.</summary>
    public IReadOnlyList<string> Seed(IEnumerable<LocalSeedAccount> accounts)
    {
        lock (_lock)
            return accounts.Select(a => Add(a.Name, a.Wallet, a.Tier, a.LifetimeValue).Id).ToArray();
    }

    public string Create(string name, string? wallet, string? tier, decimal? lifetimeValue)
    {
        lock (_lock)
        {
            var account = Add(name, wallet, tier, lifetimeValue);
            Emit("CREATE", [account.Id], [], Writer.AllFields(account), account.Modstamp);
            return account.Id;
        }
    }

    /// <summary>One UPDATE event naming every record of <paramref name="ids"/> (they get the same values, so Salesforce sends one event).</summary>
    public bool Update(IReadOnlyList<string> ids, string? tier = null, decimal? lifetimeValue = null, string? wallet = null)
    {
        lock (_lock)
        {
            if (ids.Count == 0 || ids.Any(id => !_accounts.TryGetValue(id, out var a) || a.Deleted))
                return false;
            var at = Tick();
            foreach (var id in ids)
            {
                var a = _accounts[id];
                _accounts[id] = a with { Tier = tier ?? a.Tier, LifetimeValue = lifetimeValue ?? a.LifetimeValue, Wallet = wallet ?? a.Wallet, Modstamp = at };
            }
            var (names, write) = Writer.Changed(tier, lifetimeValue, wallet, at);
            Emit("UPDATE", ids, names, write, at);
            return true;
        }
    }

    public bool Delete(IReadOnlyList<string> ids, bool undelete = false)
    {
        lock (_lock)
        {
            if (ids.Count == 0 || ids.Any(id => !_accounts.TryGetValue(id, out var a) || a.Deleted == !undelete))
                return false;
            var at = Tick();
            foreach (var id in ids)
                _accounts[id] = _accounts[id] with { Deleted = !undelete, Modstamp = at };
            if (undelete)
                foreach (var id in ids)
                    Emit("UNDELETE", [id], [], Writer.AllFields(_accounts[id]), at);
            else
                Emit("DELETE", ids, [], Writer.NoFields(), at);
            return true;
        }
    }

    /// <summary>
    /// Changes records without telling their values: the event is a GAP_ variant of <paramref name="changeType"/>
    /// (what Salesforce sends when it could not make the event), or GAP_OVERFLOW over every record ("001*").
    /// </summary>
    public void Gap(IReadOnlyList<string> ids, string changeType, string? tier = null, decimal? lifetimeValue = null)
    {
        lock (_lock)
        {
            var at = Tick();
            foreach (var id in ids.Where(_accounts.ContainsKey))
            {
                var a = _accounts[id];
                _accounts[id] = a with { Tier = tier ?? a.Tier, LifetimeValue = lifetimeValue ?? a.LifetimeValue, Modstamp = at };
            }
            var overflow = changeType == "OVERFLOW";
            Emit("GAP_" + changeType, overflow ? [KeyPrefix + "*"] : ids, [], Writer.NoFields(), at);
        }
    }

    /// <summary>Appends a delivery as given (a malformed event, for tests); its replay id is the log's next.</summary>
    public long AppendRaw(Func<long, string> deliveryJson) =>
        Changes.Append(replayId => System.Text.Encoding.UTF8.GetBytes(deliveryJson(replayId)));

    public LocalAccount? Find(string id)
    {
        lock (_lock)
            return _accounts.GetValueOrDefault(id);
    }

    /// <summary>Runs a query of the two shapes the connector sends (all records with a wallet, or some by id); null when it is not one of them.</summary>
    public (IReadOnlyList<LocalAccount> Rows, string? Next)? Query(string soql, int batchSize)
    {
        lock (_lock)
        {
            var from = From().Match(soql);
            if (!from.Success || !string.Equals(from.Groups[1].Value, _options.Entity, StringComparison.Ordinal))
                return null;
            IEnumerable<LocalAccount> rows = _accounts.Values.Where(a => !a.Deleted);
            var inIds = InIds().Match(soql);
            if (inIds.Success)
            {
                var ids = inIds.Groups[1].Value.Split(',').Select(s => s.Trim().Trim('\'')).ToHashSet(StringComparer.Ordinal);
                rows = rows.Where(a => ids.Contains(a.Id));
            }
            else
            {
                rows = rows.Where(a => a.Wallet is not null);
                Interlocked.Increment(ref _fullQueries);
            }
            var all = rows.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToArray();
            return Page(all, 0, batchSize);
        }
    }

    /// <summary>The page at a nextRecordsUrl's locator ("{cursor}-{offset}"); null when unknown.</summary>
    public (IReadOnlyList<LocalAccount> Rows, string? Next)? Next(string locator, int batchSize)
    {
        lock (_lock)
        {
            var dash = locator.LastIndexOf('-');
            if (dash < 0 || !_cursors.TryGetValue(locator[..dash], out var ids) || !int.TryParse(locator[(dash + 1)..], out var offset) || offset > ids.Length)
                return null;
            return Page(ids, offset, batchSize, locator[..dash]);
        }
    }

    private (IReadOnlyList<LocalAccount>, string?) Page(string[] ids, int offset, int batchSize, string? cursor = null)
    {
        var rows = ids.Skip(offset).Take(batchSize).Select(id => _accounts[id]).ToArray();
        var end = offset + rows.Length;
        if (end >= ids.Length)
            return (rows, null);
        cursor ??= $"01gLOCAL{_nextCursor++:D10}";
        _cursors[cursor] = ids;
        return (rows, $"/services/data/v{_options.ApiVersion}/query/{cursor}-{end}");
    }

    private const string KeyPrefix = "001";

    private LocalAccount Add(string name, string? wallet, string? tier, decimal? lifetimeValue)
    {
        var id = $"{KeyPrefix}LOCAL{_nextId++:D7}AAA";
        var account = new LocalAccount(id, name, wallet, tier, lifetimeValue, Tick());
        _accounts[id] = account;
        return account;
    }

    private DateTimeOffset Tick()
    {
        // Whole milliseconds, and never the same twice: a record's modstamp changes with every change.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_clock.GetUtcNow().ToUnixTimeMilliseconds());
        _lastTick = now > _lastTick ? now : _lastTick.AddMilliseconds(1);
        return _lastTick;
    }

    private DateTimeOffset _lastTick;

    private void Emit(string changeType, IReadOnlyList<string> ids, IReadOnlyList<string> changedFields, Action<Utf8JsonWriter> fields, DateTimeOffset at)
    {
        var transaction = $"{Interlocked.Increment(ref _transactions):x8}-local-{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        Changes.Append(replayId => Writer.Delivery(replayId, changeType, ids, transaction, at, changedFields, fields));
    }

    [GeneratedRegex(@"\bFROM\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex From();

    [GeneratedRegex(@"\bWHERE\s+Id\s+IN\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex InIds();
}
