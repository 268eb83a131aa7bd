namespace Commerce.GameSimulator.Planning;

/// <summary>
/// Two players racing for one item. Both show the same interests, all in <see cref="ItemId"/> (so the pricing engine
/// sees the same profile and offers them the same items); the leader takes that item from its first offer (else
/// another offered item no buyer targets) and announces it; the rival waits until it is offered the item too; both then meet here and place
/// their orders at the same instant: one is reserved, the other refused. A player whose rival never arrives goes alone.
/// </summary>
public sealed class RaceStart(IReadOnlyList<(string ItemId, double DwellSeconds)> interests, string itemId)
{
    /// <summary>The item the race is meant for (kept from the buyers); the leader takes it when its offer holds it.</summary>
    public string ItemId { get; } = itemId;

    /// <summary>The interests both racers show, in order.</summary>
    public IReadOnlyList<(string ItemId, double DwellSeconds)> Interests { get; } = interests;

    private readonly TaskCompletionSource<string?> _item = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _bothReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ready;

    /// <summary>The leader announces the item (null: it got no offer, the race is off).</summary>
    public void Choose(string? itemId) => _item.TrySetResult(itemId);

    /// <summary>The item the leader chose, or null when it chose none within <paramref name="timeout"/>.</summary>
    public async Task<string?> ItemAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _item.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Completes when both players arrived, or after <paramref name="timeout"/> (then the one that arrived goes alone).</summary>
    public async Task ArriveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _ready) >= 2)
        {
            _bothReady.TrySetResult();
        }

        try
        {
            await _bothReady.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The rival is not coming: order alone.
        }
    }
}
