namespace Commerce.GameSimulator.Simulation;

/// <summary>
/// The demo campaign's airdrops as the players' pushes tell them (<c>AirdropDelivered</c>): which wallets were told, and
/// when the expected number (min(cap, players)) have been, so every player keeps listening until then.
/// </summary>
public sealed class AirdropTally(int cap, int players)
{
    private readonly HashSet<string> _wallets = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Cap { get; } = cap;

    /// <summary>How many wallets the campaign should reach: every player matches its rule, the cap stops it.</summary>
    public int Expected { get; } = Math.Min(cap, players);

    /// <summary>Completes when <see cref="Expected"/> wallets were told of their airdrop.</summary>
    public Task AllDelivered => _all.Task;

    public int Delivered
    {
        get
        {
            lock (_wallets)
                return _wallets.Count;
        }
    }

    public void OnDelivered(string wallet)
    {
        lock (_wallets)
        {
            _wallets.Add(wallet);
            if (_wallets.Count >= Expected)
                _all.TrySetResult();
        }
    }
}
