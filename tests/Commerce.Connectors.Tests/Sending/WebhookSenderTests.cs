using System.Diagnostics;
using System.Text;
using Commerce.Connectors.Tests.Support;
using Commerce.Connectors.Webhooks;
using Commerce.Connectors.Webhooks.Sending;
using Commerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Connectors.Tests.Sending;

public sealed class WebhookSenderTests : IAsyncLifetime
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"order.confirmed","orderId":"o-1"}""");

    private readonly WebhookSecret _secret = WebhookSecret.Generate();
    private CallbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await CallbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_receiver_failing_twice_with_503_gets_the_same_id_and_a_valid_signature_each_time_then_accepts()
    {
        _receiver.Respond = (attempt, context) => Status(context, attempt < 2 ? 503 : 200);
        using var services = Services();
        var id = WebhookId.New();

        var result = await Sender(services).SendAsync(Destination(), id, Body);

        Assert.Equal(new WebhookDeliveryResult(true, 3, 200, null), result);
        var received = _receiver.Received.ToArray();
        Assert.Equal(3, received.Length);
        var verifier = new WebhookVerifier([_secret]);
        Assert.All(received, r =>
        {
            Assert.Equal(id, r.Id);
            Assert.Equal(Body, r.Body);
            Assert.Equal("application/json", r.ContentType);
            var verification = verifier.Verify(r.Id, r.Timestamp, r.Signature, r.Body);
            Assert.True(verification.IsValid, verification.Reason);
        });
    }

    [Fact]
    public async Task Every_attempt_is_signed_at_its_own_time()
    {
        _receiver.Respond = (attempt, context) => Status(context, attempt < 2 ? 503 : 200);
        using var services = Services(clock: new SteppingClock(DateTimeOffset.UtcNow));

        var result = await Sender(services).SendAsync(Destination(), WebhookId.New(), Body);

        Assert.True(result.Delivered, result.Error);
        var received = _receiver.Received.ToArray();
        var timestamps = received.Select(r => long.Parse(r.Timestamp!)).ToArray();
        Assert.Equal(3, timestamps.Distinct().Count());
        Assert.Equal(timestamps.Order(), timestamps);
        Assert.All(received, r =>
        {
            var verification = new WebhookVerifier([_secret], ManualClock.AtUnixSeconds(long.Parse(r.Timestamp!))).Verify(r.Id, r.Timestamp, r.Signature, r.Body);
            Assert.True(verification.IsValid, verification.Reason);
        });
        Assert.Equal(3, received.Select(r => r.Signature).Distinct().Count());
    }

    [Fact]
    public async Task Retry_After_is_honoured_over_the_backoff()
    {
        _receiver.Respond = (attempt, context) =>
        {
            if (attempt == 0)
                context.Response.Headers.RetryAfter = "1";
            return Status(context, attempt == 0 ? 429 : 200);
        };
        using var services = Services(("Webhooks:Sending:BaseDelay", "00:00:00.010"));

        var result = await Sender(services).SendAsync(Destination(), WebhookId.New(), Body);

        Assert.True(result.Delivered, result.Error);
        var received = _receiver.Received.ToArray();
        var gap = Stopwatch.GetElapsedTime(received[0].ArrivedAt, received[1].ArrivedAt);
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"the retry waited the 1 s Retry-After, not the 10 ms backoff: it came after {gap.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_limit_ends_the_delivery_instead_of_waiting()
    {
        _receiver.Respond = (_, context) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return Status(context, 503);
        };
        using var services = Services(("Webhooks:Sending:MaxRetryAfter", "00:01:00"));

        var result = await Sender(services).SendAsync(Destination(), WebhookId.New(), Body);

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(503, result.StatusCode);
        Assert.Contains("asked to retry after more than", result.Error);
    }

    [Theory]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(410, true)]
    public async Task A_client_error_is_not_retried(int status, bool gone)
    {
        _receiver.Respond = (_, context) => Status(context, status);
        using var services = Services();

        var result = await Sender(services).SendAsync(Destination(), WebhookId.New(), Body);

        Assert.Equal(new WebhookDeliveryResult(false, 1, status, $"the receiver answered {status}"), result);
        Assert.Equal(gone, result.EndpointGone);
        Assert.Single(_receiver.Received);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task A_transient_status_is_retried_until_the_retries_run_out(int status)
    {
        _receiver.Respond = (_, context) => Status(context, status);
        using var services = Services(("Webhooks:Sending:MaxRetries", "3"));

        var result = await Sender(services).SendAsync(Destination(), WebhookId.New(), Body);

        Assert.False(result.Delivered);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(4, _receiver.Received.Count);
        Assert.Single(_receiver.Received.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task A_redirect_is_a_failure_and_is_not_followed()
    {
        _receiver.Respond = (_, context) =>
        {
            context.Response.Headers.Location = "/elsewhere";
            return Status(context, 307);
        };
        using var services = Services();

        var result = await Sender(services).SendAsync(Destination(), WebhookId.New(), Body);

        Assert.False(result.Delivered);
        Assert.Equal(307, result.StatusCode);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(0, _receiver.ElsewhereHits);
    }

    [Fact]
    public async Task Connection_errors_are_retried_then_reported()
    {
        using var services = Services(("Webhooks:Sending:MaxRetries", "2"));
        var nobody = new Uri($"http://127.0.0.1:{FreePort.Next()}/hooks");

        var result = await Sender(services).SendAsync(new WebhookDestination(nobody, _secret), WebhookId.New(), Body);

        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.Null(result.StatusCode);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried_with_the_same_id()
    {
        _receiver.Respond = async (attempt, context) =>
        {
            if (attempt == 0)
                await new TaskCompletionSource().Task.WaitAsync(context.RequestAborted); // never answers; the sender gives up on it
            await Status(context, 200);
        };
        // Long enough that the answered second attempt fits in it on a loaded machine (300 ms did not, in CI).
        using var services = Services(("Webhooks:Sending:AttemptTimeout", "00:00:02"));
        var id = WebhookId.New();

        var result = await Sender(services).SendAsync(Destination(), id, Body);

        Assert.True(result.Delivered, result.Error);
        Assert.Equal(2, result.Attempts);
        Assert.All(_receiver.Received, r => Assert.Equal(id, r.Id));
    }

    [Fact]
    public async Task During_a_rotation_every_secret_signs_so_a_receiver_with_either_accepts()
    {
        var next = WebhookSecret.Generate();
        using var services = Services();

        var result = await Sender(services).SendAsync(new WebhookDestination(_receiver.Url, [_secret, next]), WebhookId.New(), Body);

        Assert.True(result.Delivered, result.Error);
        var r = Assert.Single(_receiver.Received);
        Assert.Equal(2, r.Signature!.Split(' ').Length);
        Assert.True(new WebhookVerifier([_secret]).Verify(r.Id, r.Timestamp, r.Signature, r.Body).IsValid);
        Assert.True(new WebhookVerifier([next]).Verify(r.Id, r.Timestamp, r.Signature, r.Body).IsValid);
    }

    [Fact]
    public async Task The_caller_can_cancel_a_delivery()
    {
        _receiver.Respond = (_, context) => new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
        using var services = Services();
        using var cancel = new CancellationTokenSource();

        var sending = Sender(services).SendAsync(Destination(), WebhookId.New(), Body, cancel.Token);
        await Eventually.Until(() => !_receiver.Received.IsEmpty, TimeSpan.FromSeconds(10), "the first attempt to reach the receiver");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task An_id_with_a_dot_is_refused_before_anything_is_sent()
    {
        using var services = Services();

        await Assert.ThrowsAsync<ArgumentException>(() => Sender(services).SendAsync(Destination(), "msg.1", Body));
        Assert.Empty(_receiver.Received);
    }

    private WebhookDestination Destination() => new(_receiver.Url, _secret);

    private static IWebhookSender Sender(ServiceProvider services) => services.GetRequiredService<IWebhookSender>();

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings) => Services(null, settings);

    private static ServiceProvider Services(TimeProvider? clock, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Webhooks:Sending:BaseDelay"] = "00:00:00.005",
            ["Webhooks:Sending:MaxDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings)
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        if (clock is not null)
            services.AddSingleton(clock);
        services.AddMarketplaceConnectors(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }
}
