using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Testing;

namespace Commerce.Host.Tests;

/// <summary>Interest from a game client through Kafka into both grains, and back to the player as a push.</summary>
public sealed class InterestFlowTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Interest_updates_both_grains_and_is_pushed_to_the_player_only()
    {
        var (alice, aliceId, aliceToken) = await platform.SignInAsync();
        var (_, _, bobToken) = await platform.SignInAsync();
        await using var alicePushes = await PushClient.ConnectAsync(platform.BaseUrl, aliceToken);
        await using var bobPushes = await PushClient.ConnectAsync(platform.BaseUrl, bobToken);
        var itemBefore = await InterestTotalAsync("blades:2");

        for (var i = 0; i < 3; i++)
        {
            var response = await alice.PostAsJsonAsync("/api/me/interests", new { itemId = "blades:2", dwellSeconds = 4 });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.Until(() => alicePushes.Seqs.Count == 3, Deadline, () => $"3 pushes to alice, got [{string.Join(",", alicePushes.Seqs)}]");
        Assert.Equal([1L, 2L, 3L], alicePushes.Seqs);
        Assert.All(alicePushes.Frames, f => Assert.Equal("InterestRecorded", f.GetProperty("type").GetString()));
        Assert.Equal("blades:2", alicePushes.Frames[0].GetProperty("payload").GetProperty("itemId").GetString());
        await Eventually.Until(async () => await InterestTotalAsync("blades:2") == itemBefore + 3, Deadline, () => "the item grain to count 3 more interests");

        var me = await (await alice.GetAsync("/api/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, me.GetProperty("interestCount").GetInt64());
        Assert.Equal(12, me.GetProperty("interests")[0].GetProperty("totalDwellSeconds").GetDouble());
        Assert.Equal(aliceId, me.GetProperty("playerId").GetString());
        Assert.Empty(bobPushes.Seqs);
    }

    [Fact]
    public async Task A_reconnecting_client_resumes_from_its_cursor_without_gaps_or_repeats()
    {
        var (alice, _, token) = await platform.SignInAsync();
        await using (var first = await PushClient.ConnectAsync(platform.BaseUrl, token))
        {
            await alice.PostAsJsonAsync("/api/me/interests", new { itemId = "skins:1", dwellSeconds = 1 });
            await alice.PostAsJsonAsync("/api/me/interests", new { itemId = "skins:2", dwellSeconds = 1 });
            await Eventually.Until(() => first.Seqs.Count == 2, Deadline, () => $"2 pushes before the disconnect, got {first.Seqs.Count}");
        }
        // While disconnected, two more pushes happen.
        await alice.PostAsJsonAsync("/api/me/interests", new { itemId = "skins:3", dwellSeconds = 1 });
        await alice.PostAsJsonAsync("/api/me/interests", new { itemId = "skins:4", dwellSeconds = 1 });
        await Eventually.Until(async () => (await (await alice.GetAsync("/api/me")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pushSeq").GetInt64() == 4,
            Deadline, () => "the session to hold 4 pushes");

        await using var resumed = await PushClient.ConnectAsync(platform.BaseUrl, token, cursor: 2);
        await alice.PostAsJsonAsync("/api/me/interests", new { itemId = "skins:5", dwellSeconds = 1 });
        await Eventually.Until(() => resumed.Seqs.Count == 3, Deadline, () => $"pushes 3, 4 and 5 after resuming, got [{string.Join(",", resumed.Seqs)}]");
        Assert.Equal([3L, 4L, 5L], resumed.Seqs);
    }

    [Fact]
    public async Task Kcat_produces_an_interest_the_platform_applies_and_reads_the_platforms_pushes()
    {
        var kcat = "kcat";
        var (_, playerId, _) = await platform.SignInAsync();
        var envelope = EventEnvelope.Create(playerId, new InterestShown(playerId, "dragons:3", 2, "kcat"), DateTimeOffset.UtcNow);
        var json = Encoding.UTF8.GetString(EnvelopeSerializer.Serialize(envelope));

        var produce = await RunAsync(kcat, $"-b {platform.KafkaBootstrap} -t {TopicCatalog.PlayerEvents.Name} -P -K \t", $"{playerId}\t{json}\n");
        Assert.True(produce.ExitCode == 0, $"kcat -P failed: {produce.Error}");

        await Eventually.Until(async () =>
        {
            var state = await platform.Store.LoadStateAsync("player-session", playerId, default);
            return state is not null && JsonDocument.Parse(state.Json).RootElement.GetProperty("interestCount").GetInt64() == 1;
        }, Deadline, () => $"{playerId} to count the interest kcat produced");

        string pushes = "";
        await Eventually.Until(async () =>
        {
            var consume = await RunAsync(kcat, $"-b {platform.KafkaBootstrap} -t {TopicCatalog.PlayerPushes.Name} -C -o beginning -e -q -f %k\\t%s\\n", null);
            pushes = consume.Output;
            return pushes.Split('\n').Any(line => line.StartsWith(playerId + "\t"));
        }, Deadline, () => $"kcat to read a push for {playerId}; it read: {pushes[..Math.Min(500, pushes.Length)]}");
        var line = pushes.Split('\n').First(l => l.StartsWith(playerId + "\t"));
        var push = (PlayerPushed)EnvelopeSerializer.Deserialize(Encoding.UTF8.GetBytes(line[(playerId.Length + 1)..])).Payload;
        Assert.Equal("InterestRecorded", push.Kind);
        Assert.Contains("dragons:3", push.BodyJson);
    }

    private async Task<long> InterestTotalAsync(string itemId)
    {
        var state = await platform.Store.LoadStateAsync("nft-item", itemId, default);
        return state is null ? 0 : JsonDocument.Parse(state.Json).RootElement.GetProperty("interestTotal").GetInt64();
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string arguments, string? input)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in SplitArguments(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (input is not null)
            await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static IEnumerable<string> SplitArguments(string arguments) =>
        arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Replace("\\t", "\t").Replace("\\n", "\n"));
}
