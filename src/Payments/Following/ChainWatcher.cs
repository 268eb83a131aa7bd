using Commerce.Actors.Storage;
using Microsoft.Extensions.Hosting;

namespace Commerce.Payments.Following;

/// <summary>
/// The hosted loop of a chain watcher: initializes the grain store (idempotent; the database may not be up yet),
/// then runs its follower's passes back to back while behind the head, else every poll interval. A failed pass is
/// reported to <see cref="OnPassFailed"/> and retried; nothing is committed by half.
/// </summary>
public abstract class ChainWatcher(IGrainStore store, TimeSpan pollInterval) : BackgroundService
{
    private long _passes;

    /// <summary>The grain store the follower commits to.</summary>
    protected IGrainStore Store { get; } = store;

    /// <summary>Passes run so far (failed ones included).</summary>
    public long Passes => Interlocked.Read(ref _passes);

    /// <summary>The follower the loop drives (made once, when the loop starts).</summary>
    protected abstract IChainFollower CreateFollower();

    /// <summary>After the follower is made, before the first pass.</summary>
    protected virtual void OnStarted()
    {
    }

    /// <summary>After each pass that did not fail.</summary>
    protected virtual void OnPassed(IChainFollower follower)
    {
    }

    /// <summary>A pass failed (it is retried after the poll interval): log it.</summary>
    protected abstract void OnPassFailed(Exception ex);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var follower = CreateFollower();
        var initialized = false;
        OnStarted();
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                if (!initialized)
                {
                    await Store.InitializeAsync(stoppingToken);   // idempotent; the database may not be up yet
                    initialized = true;
                }
                more = await follower.PollOnceAsync(stoppingToken);
                OnPassed(follower);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OnPassFailed(ex);
            }
            Interlocked.Increment(ref _passes);
            if (more)
                continue;
            try
            {
                await Task.Delay(pollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
