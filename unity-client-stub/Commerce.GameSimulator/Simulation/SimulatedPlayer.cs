using Commerce.GameSimulator.Options;
using Commerce.GameSimulator.Wallet;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>
/// One game client: its own wallet, signs in, subscribes to pushes, shows interest in random
/// items, then waits until a push confirmed each interest.
/// </summary>
public sealed class SimulatedPlayer(int number, SimulatorOptions options, SimulationStats stats, IHttpTransport http)
{
    private readonly InterestMatcher _matcher = new();
    private int _pushes;

    public async Task<PlayerOutcome> RunAsync(SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        var signer = ChainWalletSigner.Generate();
        using var client = new CommerceClient(new CommerceClientOptions { BaseUrl = options.Url }, http, null);
        PushSubscription? subscription = null;
        string? playerId = null;
        try
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                playerId = (await client.SignInAsync(signer, cancellationToken)).PlayerId;
                stats.PlayerSignedIn();
                subscription = Subscribe(client);
                for (var i = 0; i < options.Interests; i++)
                {
                    var itemId = options.Items[Random.Shared.Next(options.Items.Count)];
                    var dwellSeconds = Math.Round(0.5 + (Random.Shared.NextDouble() * 9.5), 1);
                    var accepted = await client.ShowInterestAsync(itemId, dwellSeconds, cancellationToken);
                    stats.InterestSent();
                    if (_matcher.Expect(accepted.EventId, itemId))
                    {
                        stats.InterestConfirmed(); // its push beat the HTTP answer
                    }
                }
            }
            finally
            {
                gate.Release();
            }

            _matcher.Seal();
            await _matcher.AllConfirmed.WaitAsync(options.Timeout, cancellationToken);
            return Outcome(playerId, null);
        }
        catch (TimeoutException)
        {
            return Fail(playerId, $"timed out after {options.Timeout.TotalSeconds:0} s with {_matcher.Confirmed} of {_matcher.Sent} interests confirmed by a push");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(playerId, "cancelled");
        }
        catch (CommerceApiException e)
        {
            return Fail(playerId, e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or ArgumentException)
        {
            return Fail(playerId, e.Message);
        }
        finally
        {
            if (subscription is not null)
            {
                await subscription.StopAsync();
            }

            stats.PlayerDone();
        }
    }

    private PushSubscription Subscribe(CommerceClient client)
    {
        var subscription = client.CreatePushSubscription();
        subscription.MessageReceived += push =>
        {
            Interlocked.Increment(ref _pushes);
            stats.PushReceived();
            if (_matcher.OnPush(push))
            {
                stats.InterestConfirmed();
            }
        };
        subscription.StateChanged += change =>
        {
            if (change.State == PushConnectionState.Reconnecting)
            {
                stats.Reconnected();
            }
            else if (change.State == PushConnectionState.Faulted)
            {
                stats.Error($"player {number}: push channel: {change.Error?.Message}");
            }
        };
        subscription.Error += e => stats.Error($"player {number}: {e.Message}");
        subscription.Start();
        return subscription;
    }

    private PlayerOutcome Fail(string? playerId, string error)
    {
        stats.Error($"player {number}: {error}");
        return Outcome(playerId, error);
    }

    private PlayerOutcome Outcome(string? playerId, string? error) =>
        new(number, playerId, _matcher.Sent, _matcher.Confirmed, Volatile.Read(ref _pushes), error);
}
