using System.Diagnostics;
using System.Text.Json;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Marketing.Rules;
using Commerce.Marketing.Targeting;
using Confluent.Kafka;

namespace Commerce.Benchmarks.Marketing;

/// <summary>
/// ./run bench marketing [--players N] [--events N]: (1) the backfill: a rule over every stored player session (SQLite
/// pages of 5,000, deserialized and evaluated on every core), next to the scan alone; (2) the live stream's work per
/// event (the batch's sessions read from the store, the record laid over, the rule evaluated) next to a raw consumer's
/// (the envelope decoded), on the same records in memory.
/// </summary>
public static class MarketingBenchmark
{
    public const string Rule = "tier in ['gold', 'platinum'] && interestCollections.exists(c, c == 'dragons') && inactiveDays < 30.0";

    public static async Task<int> RunAsync(string[] args)
    {
        var players = Arg(args, "--players", 100_000);
        var events = Arg(args, "--events", 50_000);
        var directory = Directory.CreateTempSubdirectory("marketing-bench");
        var now = DateTimeOffset.UtcNow;
        await using var store = new SqliteGrainStore($"Data Source={Path.Combine(directory.FullName, "bench.db")}", TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()} (cores: {Environment.ProcessorCount})");
        var seed = Stopwatch.StartNew();
        await SeedAsync(store, players, now);
        Console.WriteLine($"seeded {players:N0} player sessions in {seed.Elapsed.TotalSeconds:F1} s (not timed below)");

        var rule = new RuleCompiler().Check(Rule).Rule ?? throw new InvalidOperationException("the benchmark's rule does not check");
        var scan = new PlayerScan(store, TimeProvider.System);
        await PartsAsync(store, rule);
        for (var round = 1; round <= 3; round++)
        {
            var scanOnly = Stopwatch.StartNew();
            var rows = 0;
            string? after = null;
            while (true)
            {
                var page = await store.ScanStatesAsync(PlayerSessionGrain.TypeName, "", after, PlayerScan.PageSize, CancellationToken.None);
                rows += page.Count;
                if (page.Count < PlayerScan.PageSize) break;
                after = page[^1].Key;
            }
            var scanSeconds = scanOnly.Elapsed.TotalSeconds;
            var backfill = Stopwatch.StartNew();
            var (matching, evaluated) = (0, 0);
            await foreach (var page in scan.PagesAsync(rule.Reads, CancellationToken.None))
            {
                matching += RuleEvaluation.Evaluate(rule, page).Matches.Count;
                evaluated += page.Count;
            }
            Console.WriteLine($"backfill round {round}: {evaluated:N0} players evaluated in {backfill.Elapsed.TotalSeconds:F2} s ({matching:N0} match); "
                + $"baseline, the store scan alone ({rows:N0} rows): {scanSeconds:F2} s");
        }

        // The live stream, in memory: the same records decoded (a raw consumer's work) and then targeted.
        var records = Records(events, players, now);
        var raw = Stopwatch.StartNew();
        var decoded = 0;
        foreach (var record in records)
            decoded += EnvelopeSerializer.Deserialize(record.Message.Value).Key.Length > 0 ? 1 : 0;
        var rawMicros = raw.Elapsed.TotalMicroseconds / records.Count;
        var live = Stopwatch.StartNew();
        var matched = 0;
        foreach (var batch in records.Chunk(500))
            matched += await LiveBatchAsync(batch, store, rule);
        var liveMicros = live.Elapsed.TotalMicroseconds / records.Count;
        Console.WriteLine($"live: {records.Count:N0} events, {liveMicros:F1} µs per event targeted ({matched:N0} matched); raw decode baseline {rawMicros:F1} µs per event ({decoded:N0})");
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        directory.Delete(recursive: true);
        return 0;
    }

    /// <summary>
    /// The backfill's parts, one at a time on one thread over every session: the scan (rows read), the full
    /// deserialization, the CEL variables built, the rule evaluated (so which part dominates is measured, not guessed).
    /// </summary>
    private static async Task PartsAsync(IGrainStore store, CompiledRule rule)
    {
        var watch = Stopwatch.StartNew();
        var rows = new List<StoredState>();
        string? after = null;
        while (true)
        {
            var page = await store.ScanStatesAsync(PlayerSessionGrain.TypeName, "", after, PlayerScan.PageSize, CancellationToken.None);
            rows.AddRange(page);
            if (page.Count < PlayerScan.PageSize) break;
            after = page[^1].Key;
        }
        var scanMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var states = rows.Select(r => JsonSerializer.Deserialize(r.Json, GrainJsonContext.Default.PlayerSessionState)!).ToList();
        var deserializeMs = watch.Elapsed.TotalMilliseconds;
        var now = DateTimeOffset.UtcNow;
        watch.Restart();
        var contexts = states.Select(s => PlayerContext.Of(s, now)).ToList();
        var contextMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var matched = contexts.Count(rule.Matches);
        var evaluateMs = watch.Elapsed.TotalMilliseconds;
        // The path the backfill takes now: the projection read from the JSON, the rule's variables only.
        watch.Restart();
        var facts = rows.Select(r => PlayerFactsReader.Read(r.Json)).ToList();
        var factsMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var lean = facts.Select(f => PlayerContext.Of(f, now, rule.Reads)).ToList();
        var leanMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var leanMatched = lean.Count(rule.Matches);
        var leanEvaluateMs = watch.Elapsed.TotalMilliseconds;
        var n = (double)rows.Count;
        Console.WriteLine($"parts, one thread, {rows.Count:N0} sessions ({rows.Sum(r => (long)r.Json.Length) / Math.Max(1, rows.Count)} chars each): "
            + $"scan {scanMs:F0} ms ({scanMs * 1000 / n:F2} µs each), deserialize {deserializeMs:F0} ms ({deserializeMs * 1000 / n:F2} µs), "
            + $"CEL variables {contextMs:F0} ms ({contextMs * 1000 / n:F2} µs), evaluate {evaluateMs:F0} ms ({evaluateMs * 1000 / n:F2} µs; {matched:N0} match)");
        Console.WriteLine($"parts of the backfill's path, one thread: projection read from the JSON {factsMs:F0} ms ({factsMs * 1000 / n:F2} µs each), "
            + $"the rule's variables only {leanMs:F0} ms ({leanMs * 1000 / n:F2} µs), evaluate {leanEvaluateMs:F0} ms ({leanEvaluateMs * 1000 / n:F2} µs; {leanMatched:N0} match)");
    }

    /// <summary>What <c>LiveTargetingProcessor</c> does with a batch before it calls the campaigns: read, overlay, evaluate.</summary>
    private static async Task<int> LiveBatchAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, IGrainStore store, CompiledRule rule)
    {
        var facts = batch.Select(r => EnvelopeSerializer.Deserialize(r.Message.Value)).ToList();
        var stored = await store.LoadStatesAsync(PlayerSessionGrain.TypeName, facts.Select(f => f.Key).Distinct().ToList(), CancellationToken.None);
        var players = new Dictionary<string, PlayerFacts>();
        foreach (var fact in facts)
        {
            var player = players.GetValueOrDefault(fact.Key)
                ?? (stored.TryGetValue(fact.Key, out var row) ? PlayerFactsReader.Read(row.Json) : PlayerFacts.From(PlayerSessionState.New(fact.Key)));
            players[fact.Key] = LiveContextOverlay.Apply(player, fact.Payload, fact.OccurredAt);
        }
        var now = DateTimeOffset.UtcNow;
        return players.Values.Count(p => rule.Matches(PlayerContext.Of(p, now, rule.Reads)));
    }

    private static async Task SeedAsync(IGrainStore store, int players, DateTimeOffset now)
    {
        var tiers = new[] { "none", "silver", "gold", "platinum" };
        var collections = new[] { "dragons", "skins", "swords" };
        for (var start = 0; start < players; start += 2000)
        {
            var writes = Enumerable.Range(start, Math.Min(2000, players - start)).Select(i =>
            {
                var id = $"0x{i:x40}";
                var seen = now.AddDays(-(i % 60));
                var interests = Enumerable.Range(0, 1 + i % 5).Select(k => new ItemInterest($"{collections[(i + k) % 3]}:{k}", 1 + k, 10.0 * k, seen.AddDays(-k), seen)).ToList();
                var state = new PlayerSessionState(id, id, tiers[i % 4], i % 1000, interests, interests.Count, [new ChatIntent(null, "ask_price", 0.1, seen)], [], [], 0, seen);
                return store.WriteGrainAsync(new GrainWrite(PlayerSessionGrain.TypeName, id, 0,
                    JsonSerializer.Serialize(state, GrainJsonContext.Default.PlayerSessionState), null, [], [], [], 0), CancellationToken.None);
            });
            await Task.WhenAll(writes);
        }
    }

    private static List<ConsumeResult<string, byte[]>> Records(int count, int players, DateTimeOffset now) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var id = $"0x{(i * 7919) % players:x40}";
            var envelope = EventEnvelope.Create(id, i % 2 == 0 ? new InterestShown(id, $"dragons:{i % 9}", 12.5, "bench") : new LoyaltyUpdated(id, "gold", 250m), now);
            return new ConsumeResult<string, byte[]> { Message = new Message<string, byte[]> { Key = id, Value = EnvelopeSerializer.Serialize(envelope) } };
        })];

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
