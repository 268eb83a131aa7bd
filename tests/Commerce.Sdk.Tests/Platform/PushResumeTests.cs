using Commerce.Sdk.Tests.Support;

namespace Commerce.Sdk.Tests.Platform;

/// <summary>The push channel against the real platform, with the network cut for real by a relay in between.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PushResumeTests(HostFixture platform)
{
    [Fact]
    public async Task Pushes_sent_while_the_connection_was_down_arrive_after_the_reconnect_once_each_in_seq_order()
    {
        await using var relay = new TcpRelay(platform.BaseUrl);
        await using var player = await PlayerSession.StartAsync(platform, baseUrl: relay.BaseUrl);
        using var direct = platform.NewClient();
        direct.UseSession(player.Client.Session!);
        await player.States.WaitForAsync(s => s.Any(c => c.State == PushConnectionState.Connected), "the push channel to connect");
        var before = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            before.Add((await player.Client.ShowInterestAsync("blades:7", 1 + i)).EventId);
        }

        await WaitForInterestsAsync(player, before);

        relay.Refusing = true;
        relay.DropAll();
        await player.States.WaitForAsync(s => s.Any(c => c.State == PushConnectionState.Reconnecting), "the subscription to notice the drop");
        var cursor = player.Pushes.Cursor;
        var during = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            during.Add((await direct.ShowInterestAsync("blades:8", 1 + i)).EventId);
        }

        // The platform has applied them (its state counts them) while the player was cut off.
        await Commerce.Testing.Eventually.Until(async () => (await direct.GetMyStateAsync()).InterestCount >= 5, TimeSpan.FromSeconds(60),
            () => "the platform to apply the 3 interests sent during the outage");
        Assert.Equal(cursor, player.Pushes.Cursor); // nothing reached the player through the cut connection
        relay.Refusing = false;

        await WaitForInterestsAsync(player, [.. before, .. during]);
        var seqs = player.Messages.Snapshot().Select(m => m.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(n => (long)n), seqs);
        Assert.True(player.Pushes.Cursor >= seqs[^1], $"the cursor {player.Pushes.Cursor} should be at the last delivered seq {seqs[^1]} or past it (a later offer)");
        Assert.True(relay.Accepted >= 2, $"the subscription should have connected again through the relay ({relay.Accepted} connections)");
    }

    private static Task WaitForInterestsAsync(PlayerSession player, IReadOnlyCollection<string> eventIds) =>
        player.Messages.WaitForAsync(
            m => eventIds.All(id => m.Any(p => p.Type == PushTypes.InterestRecorded && p.ParsePayload().GetScalarTextOrDefault("eventId") == id)),
            $"InterestRecorded pushes for {eventIds.Count} interests",
            TimeSpan.FromSeconds(60),
            seen => string.Join(", ", seen.Select(p => $"{p.Seq}:{p.Type}")));
}
