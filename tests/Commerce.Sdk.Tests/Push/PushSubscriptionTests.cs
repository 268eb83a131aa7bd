using Commerce.Sdk;
using Commerce.Sdk.Tests.Support;

namespace Commerce.Sdk.Tests.Push;

public sealed class PushSubscriptionTests : IAsyncLifetime
{
    private const string PlayerId = "0x52908400098527886e0f7030069857d2e4169ee7";

    private CommerceTestServer _server = null!;
    private readonly List<PushSubscription> _subscriptions = [];
    private readonly SignalLog<PushMessage> _received = new();
    private readonly SignalLog<PushStateChange> _states = new();
    private readonly SignalLog<Exception> _errors = new();

    public async Task InitializeAsync() => _server = await CommerceTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.StopAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Replayed_then_live_pushes_arrive_in_order_with_the_token_in_the_header()
    {
        PushMany(1, 5);
        var (subscription, token) = Subscribe();

        subscription.Start();
        await WaitForSeqs(1, 5);
        PushMany(6, 10);
        await WaitForSeqs(1, 10);

        var connect = Assert.Single(_server.Connects.Snapshot());
        Assert.Equal((0L, "Bearer " + token, (string?)null), (connect.Cursor, connect.Authorization, connect.AccessToken));
        Assert.Equal(10, subscription.Cursor);
        Assert.Equal("InterestRecorded", _received.Snapshot()[0].Type);
        Assert.Equal("{\"n\":1}", _received.Snapshot()[0].PayloadJson);
    }

    [Fact]
    public async Task A_subscription_resumes_after_the_cursor_it_was_given()
    {
        PushMany(1, 5);
        var (subscription, _) = Subscribe(cursor: 3);

        subscription.Start();
        await WaitForSeqs(4, 5);

        Assert.Equal(3, _server.Connects.Snapshot()[0].Cursor);
    }

    [Fact]
    public async Task Frames_at_or_below_the_cursor_are_dropped()
    {
        _server.PushPlans = _ => new PushPlan { IgnoreCursor = true, SendEachFrameTwice = true };
        PushMany(1, 6);
        var (subscription, _) = Subscribe(cursor: 2);

        subscription.Start();
        await WaitForSeqs(3, 6);
        PushMany(7, 8);
        await WaitForSeqs(3, 8);

        // Replayed 1..2 twice each (4) plus the second copy of 3..8 (6).
        await _server.Connects.WaitForAsync(c => c.Count == 1, "a single connection");
        Assert.Equal(10, subscription.DuplicatesDropped);
    }

    [Fact]
    public async Task After_the_server_drops_mid_stream_the_client_resumes_from_its_cursor_and_misses_nothing()
    {
        _server.PushPlans = index => index switch
        {
            0 => new PushPlan { AbortAfterFrames = 3, BeforeAbort = () => WaitForSeqs(1, 3) },
            1 => new PushPlan { AbortAfterFrames = 4, BeforeAbort = () => WaitForSeqs(1, 7) },
            _ => PushPlan.Normal,
        };
        PushMany(1, 10);
        var (subscription, _) = Subscribe(o => o.ReconnectMinDelay = TimeSpan.FromMilliseconds(20));
        var pushedWhileDown = 0;
        subscription.StateChanged += change =>
        {
            if (change.State == PushConnectionState.Reconnecting && Interlocked.Increment(ref pushedWhileDown) == 1)
            {
                PushMany(11, 12); // arrives while the client is disconnected
            }
        };

        subscription.Start();
        await WaitForSeqs(1, 12);
        PushMany(13, 15);
        await WaitForSeqs(1, 15);

        Assert.Equal([0L, 3L, 7L], _server.Connects.Snapshot().Select(c => c.Cursor));
        var drops = _states.Snapshot().Where(s => s.State == PushConnectionState.Reconnecting).ToList();
        Assert.Equal(2, drops.Count);
        Assert.All(drops, d => Assert.NotNull(d.Error));
        Assert.All(drops, d => Assert.Equal(1, d.Attempt));
        Assert.Equal(0, subscription.DuplicatesDropped);
    }

    [Fact]
    public async Task A_clean_close_by_the_server_is_followed_by_a_reconnect()
    {
        _server.PushPlans = index => index == 0 ? new PushPlan { CloseAfterFrames = 2 } : PushPlan.Normal;
        PushMany(1, 4);
        var (subscription, _) = Subscribe(o => o.ReconnectMinDelay = TimeSpan.FromMilliseconds(20));

        subscription.Start();
        await WaitForSeqs(1, 4);

        Assert.Equal([0L, 2L], _server.Connects.Snapshot().Select(c => c.Cursor));
        var reconnecting = _states.Snapshot().Single(s => s.State == PushConnectionState.Reconnecting);
        Assert.Null(reconnecting.Error);
    }

    [Fact]
    public async Task While_the_server_refuses_the_backoff_grows_is_bounded_and_resets_after_a_connection()
    {
        var min = TimeSpan.FromMilliseconds(20);
        var max = TimeSpan.FromMilliseconds(160);
        var refuse = true;
        _server.PushPlans = _ => Volatile.Read(ref refuse) ? new PushPlan { RefuseWithStatus = 503 } : PushPlan.Normal;
        var (subscription, _) = Subscribe(o =>
        {
            o.ReconnectMinDelay = min;
            o.ReconnectMaxDelay = max;
            o.ReconnectJitter = 0.2;
        });

        subscription.Start();
        var waits = (await _states.WaitForAsync(
                s => s.Count(x => x.State == PushConnectionState.Reconnecting) >= 7,
                "seven reconnect attempts against a server answering 503"))
            .Where(s => s.State == PushConnectionState.Reconnecting)
            .Take(7)
            .ToList();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], waits.Select(w => w.Attempt));
        Assert.All(waits, w => Assert.InRange(w.RetryIn!.Value, min, max));
        for (var i = 1; i < 4; i++)
        {
            Assert.True(waits[i].RetryIn > waits[i - 1].RetryIn,
                $"retry {i + 1} ({waits[i].RetryIn}) should wait longer than retry {i} ({waits[i - 1].RetryIn})");
        }

        Assert.All(waits.Skip(4), w => Assert.True(w.RetryIn >= max * 0.8, $"capped retries should stay near {max}, got {w.RetryIn}"));
        Assert.All(waits, w => Assert.Contains("503", w.Error!.Message));

        Volatile.Write(ref refuse, false);
        PushMany(1, 1);
        await WaitForSeqs(1, 1);
        Assert.Equal(PushConnectionState.Connected, _states.Snapshot().Last().State);
        Assert.Equal(0, _states.Snapshot().Last().Attempt);
    }

    [Fact]
    public async Task A_refused_token_stops_the_subscription_as_Unauthorized()
    {
        var (subscription, _) = Subscribe();
        _server.RevokeAllTokens();

        subscription.Start();
        await subscription.Completion.WaitAsync(SignalLog<int>.DefaultTimeout);

        var last = _states.Snapshot().Last();
        Assert.Equal(PushConnectionState.Faulted, last.State);
        var error = Assert.IsType<CommerceApiException>(last.Error);
        Assert.Equal((CommerceErrorKind.Unauthorized, 401), (error.Kind, error.StatusCode));
        Assert.Equal(PushConnectionState.Faulted, subscription.State);
        Assert.Single(_server.Connects.Snapshot());
    }

    [Fact]
    public async Task A_transport_without_headers_sends_the_token_as_access_token()
    {
        PushMany(1, 2);
        using var client = new CommerceClient(new CommerceClientOptions { BaseUrl = _server.BaseUrl }, null, new HeaderlessTransport());
        var token = _server.IssueToken(PlayerId);
        client.UseSession(new CommerceSession(token, PlayerId, null));
        var subscription = Track(client.CreatePushSubscription());

        subscription.Start();
        await WaitForSeqs(1, 2);

        var connect = _server.Connects.Snapshot().Single();
        Assert.Equal((token, (string?)null), (connect.AccessToken, connect.Authorization));
    }

    [Fact]
    public async Task Callbacks_are_posted_to_the_games_synchronization_context_in_order()
    {
        using var mainThread = new SingleThreadSynchronizationContext();
        var threads = new SignalLog<int>();
        PushMany(1, 20);
        var (subscription, _) = Subscribe(o => o.CallbackContext = mainThread, track: false);
        subscription.MessageReceived += _ => threads.Add(Environment.CurrentManagedThreadId);
        subscription.StateChanged += _ => threads.Add(Environment.CurrentManagedThreadId);

        subscription.Start();
        await WaitForSeqs(1, 20);
        await subscription.StopAsync();

        Assert.All(threads.Snapshot(), id => Assert.Equal(mainThread.ThreadId, id));
    }

    [Fact]
    public async Task A_malformed_frame_is_reported_and_skipped()
    {
        _server.PushPlans = _ => new PushPlan { LeadingRawFrames = ["{\"type\":\"ping\"}", "garbage"] };
        PushMany(1, 2);
        var (subscription, _) = Subscribe();

        subscription.Start();
        await WaitForSeqs(1, 2);

        var errors = await _errors.WaitForAsync(e => e.Count >= 2, "two skipped-frame errors");
        Assert.All(errors, e => Assert.Contains("Skipped a push frame", e.Message));
        Assert.Single(_server.Connects.Snapshot());
    }

    [Fact]
    public async Task A_handler_that_throws_inline_is_reported_and_delivery_continues()
    {
        PushMany(1, 3);
        var (subscription, _) = Subscribe();
        subscription.MessageReceived += m =>
        {
            if (m.Seq == 2)
            {
                throw new InvalidOperationException("game bug on seq 2");
            }
        };

        subscription.Start();
        await WaitForSeqs(1, 3);

        Assert.Equal("game bug on seq 2", (await _errors.WaitForAsync(e => e.Count == 1, "the handler's exception")).Single().Message);
    }

    [Fact]
    public async Task Stop_ends_the_subscription_and_it_can_start_again_from_its_cursor()
    {
        PushMany(1, 2);
        var (subscription, _) = Subscribe();
        subscription.Start();
        await WaitForSeqs(1, 2);

        await subscription.StopAsync();
        Assert.Equal(PushConnectionState.Stopped, subscription.State);
        Assert.Throws<InvalidOperationException>(() => { subscription.Start(); subscription.Start(); });
        await WaitForSeqs(1, 2);
        PushMany(3, 3);
        await WaitForSeqs(1, 3);

        Assert.Equal([0L, 2L], _server.Connects.Snapshot().Select(c => c.Cursor));
    }

    private (PushSubscription Subscription, string Token) Subscribe(
        Action<CommerceClientOptions>? configure = null, long cursor = 0, bool track = true)
    {
        var options = new CommerceClientOptions { BaseUrl = _server.BaseUrl };
        configure?.Invoke(options);
        var client = new CommerceClient(options);
        var token = _server.IssueToken(PlayerId);
        client.UseSession(new CommerceSession(token, PlayerId, null));
        var subscription = client.CreatePushSubscription(cursor);
        if (track)
        {
            Track(subscription);
        }
        else
        {
            _subscriptions.Add(subscription);
            subscription.MessageReceived += _received.Add;
        }

        return (subscription, token);
    }

    private PushSubscription Track(PushSubscription subscription)
    {
        _subscriptions.Add(subscription);
        subscription.MessageReceived += _received.Add;
        subscription.StateChanged += _states.Add;
        subscription.Error += _errors.Add;
        return subscription;
    }

    private void PushMany(int from, int to)
    {
        for (var n = from; n <= to; n++)
        {
            Assert.Equal(n, _server.Push(PlayerId, "InterestRecorded", $"{{\"n\":{n}}}"));
        }
    }

    private Task WaitForSeqs(long from, long to)
    {
        var expected = Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => (long)n).ToArray();
        return _received.WaitForAsync(
            received => received.Select(m => m.Seq).SequenceEqual(expected),
            $"exactly seqs {from}..{to}, in order, once each",
            describe: received => "seqs [" + string.Join(",", received.Select(m => m.Seq)) + "]");
    }
}
