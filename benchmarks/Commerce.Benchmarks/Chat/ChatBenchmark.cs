using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Commerce.Benchmarks.Orders;
using Commerce.Chain.Crypto;
using Commerce.Conversation.Catalog;
using Commerce.Conversation.Local;

namespace Commerce.Benchmarks.Chat;

/// <summary>
/// ./run bench chat [--rate N] [--seconds N] [--warmup N] [--players N]: <c>POST /api/me/chat</c> with the local
/// recognizer at a steady rate (open loop: each question is sent when due, whether or not earlier ones were answered)
/// against the platform as a user runs it (<c>commerce serve</c>, embedded Kafka, SQLite, dev chain), signed-in players
/// asking about the catalog's items. Baselines in the same run: the same load of a plain authenticated
/// <c>GET /api/items/{id}</c> (the HTTP, auth and rate-limit path with one grain-state read), and the recognizer alone
/// in this process (what the model costs per question). Latency: request sent -> response read.
/// </summary>
internal static class ChatBenchmark
{
    private static readonly string[] Questions =
    [
        "how much is {item}?", "how rare is {item}?", "can you go lower on {item}?", "is {item} better than {other}?",
        "I'll take {item}", "hmm, not sure about {item}", "hello there", "what's the supply of {item}?",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = IntArg(args, "--rate", 500);
        var seconds = IntArg(args, "--seconds", 20);
        var warmup = IntArg(args, "--warmup", 5);
        var playerCount = IntArg(args, "--players", 50);
        const int items = 20;
        Console.WriteLine($"Chat benchmark: POST /api/me/chat, local recognizer, {rate:N0} questions/s from {playerCount} players for {seconds} s (after {warmup} s warm-up)");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");

        var alone = RecognizerAlone(items, rate * seconds);
        Console.WriteLine($"recognizer alone (in process)       : p50 {alone.P50:F3} ms, p99 {alone.P99:F3} ms over {alone.Count:N0} questions; model trained in {alone.TrainingMs:F0} ms");

        await using var host = await HostUnderTest.StartAsync(OrdersBenchmark.RepositoryRoot(), items, EthPrivateKey.Generate(), TimeSpan.FromMinutes(3),
            ["--RateLimits:Chat:PerPlayer", "1000000", "--RateLimits:Interests:PerPlayer", "1000000"]);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(30) };
        var tokens = new List<string>();
        for (var i = 0; i < playerCount; i++)
            tokens.Add(await SignInAsync(http));
        // The chat's catalog vocabulary is read from the item listings: wait until a named item is recognized.
        await Deadline.UntilAsync(() => AskOnce(http, tokens[0], "how much is bench:1?").GetAwaiter().GetResult(),
            TimeSpan.FromMinutes(1), "the chat to recognize bench:1", TimeSpan.FromMilliseconds(200));

        var baseline = await MeasureAsync(http, tokens, rate, warmup, seconds, i =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/items/bench:{1 + (i % items)}"));
        Report("GET /api/items/{id} (baseline)", baseline, rate);
        var chat = await MeasureAsync(http, tokens, rate, warmup, seconds, i =>
        {
            var item = $"bench:{1 + (i % items)}";
            var text = Questions[i % Questions.Length].Replace("{item}", item, StringComparison.Ordinal)
                .Replace("{other}", $"bench:{1 + ((i + 1) % items)}", StringComparison.Ordinal);
            return new HttpRequestMessage(HttpMethod.Post, "/api/me/chat") { Content = JsonContent.Create(new { text }) };
        });
        Report("POST /api/me/chat", chat, rate);
        Console.WriteLine($"load average after the run: {LoadAverage()}");
        var met = chat.P99 <= 20 && chat.Failed == 0;
        Console.WriteLine($"goal (chat p99 <= 20 ms at {rate:N0}/s, every question answered): {(met ? "met" : "NOT met")}");
        return 0;
    }

    private sealed record Result(int Sent, int Ok, int Failed, double P50, double P99, double Max, double SecondsBehind, string? FirstFailure);

    /// <summary>Open loop: request i is sent when due (by a pacer thread), its latency recorded when its response is read.</summary>
    private static async Task<Result> MeasureAsync(HttpClient http, IReadOnlyList<string> tokens, int rate, int warmup, int seconds, Func<int, HttpRequestMessage> make)
    {
        var warmupCount = rate * warmup;
        var total = warmupCount + rate * seconds;
        var latencies = new ConcurrentBag<double>();
        var pending = new ConcurrentBag<Task>();
        var failed = 0;
        string? firstFailure = null;
        var pace = new SteadyPacer(rate);
        var sender = Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < total; i++)
            {
                pace.WaitFor(i);
                var request = make(i);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i % tokens.Count]);
                var measured = i >= warmupCount;
                pending.Add(SendAsync(request, measured));
            }
        }, TaskCreationOptions.LongRunning);

        async Task SendAsync(HttpRequestMessage request, bool measured)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new HttpRequestException($"{(int)response.StatusCode} from {request.RequestUri}");
                if (measured)
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstFailure, e.Message, null);
            }
            finally
            {
                request.Dispose();
            }
        }

        await sender;
        var behind = pace.Elapsed.TotalSeconds - (double)(total - 1) / rate;
        await Task.WhenAll(pending);
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0
            ? new Result(total - warmupCount, 0, failed, double.NaN, double.NaN, double.NaN, behind, firstFailure)
            : new Result(total - warmupCount, sorted.Length, failed, Percentiles.At(sorted, 0.5), Percentiles.At(sorted, 0.99), sorted[^1], behind, firstFailure);
    }

    private static (double P50, double P99, int Count, double TrainingMs) RecognizerAlone(int items, int count)
    {
        var model = IntentModel.Train(UtteranceSet.Training());
        var analyzer = new LocalConversationAnalyzer(model, new EntityExtractor(new CatalogVocabulary(["bench"])), new LocalRecognizerOptions());
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var text = Questions[i % Questions.Length].Replace("{item}", $"bench:{1 + (i % items)}", StringComparison.Ordinal)
                .Replace("{other}", "bench:1", StringComparison.Ordinal);
            var started = Stopwatch.GetTimestamp();
            analyzer.Analyze(text);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return (Percentiles.At(times, 0.5), Percentiles.At(times, 0.99), count, model.TrainingTime.TotalMilliseconds);
    }

    private static async Task<string> SignInAsync(HttpClient http)
    {
        var key = EthPrivateKey.Generate();
        using var challenge = await http.PostAsJsonAsync("/api/auth/challenge", new { address = key.Address.ToString() });
        challenge.EnsureSuccessStatusCode();
        var message = (await challenge.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("message").GetString()!;
        using var signIn = await http.PostAsJsonAsync("/api/auth/sign-in", new { message, signature = Commerce.Chain.Signing.PersonalMessage.Sign(key, message) });
        signIn.EnsureSuccessStatusCode();
        return (await signIn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>True once the chat answers about bench:1 as a listed item.</summary>
    private static async Task<bool> AskOnce(HttpClient http, string token, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/chat") { Content = JsonContent.Create(new { text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode
            && (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("itemId").GetString() == "bench:1";
    }

    private static void Report(string what, Result r, int rate) =>
        Console.WriteLine($"{what,-36}: p50 {r.P50,6:F1} ms, p99 {r.P99,7:F1} ms, max {r.Max,7:F1} ms; {r.Ok:N0}/{r.Sent:N0} ok, {r.Failed} failed"
            + $"; sender {r.SecondsBehind:F2} s behind a {rate:N0}/s schedule" + (r.FirstFailure is null ? "" : $" (first failure: {r.FirstFailure})"));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
