namespace Commerce.GameSimulator.Planning;

/// <summary>Lets the two players of a race place their orders at the same instant (or alone, if the other never gets there).</summary>
public sealed class RaceStart(string itemId)
{
    private readonly TaskCompletionSource _bothReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ready;

    public string ItemId { get; } = itemId;

    /// <summary>Completes when both players arrived, or after <paramref name="timeout"/>: then the one that arrived goes alone.</summary>
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
            // The rival got no offer for the item: order alone.
        }
    }
}
