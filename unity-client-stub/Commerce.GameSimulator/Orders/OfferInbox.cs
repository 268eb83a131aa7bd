using Commerce.Sdk;

namespace Commerce.GameSimulator.Orders;

/// <summary>
/// The offers a player received. Measures interest → offer: each offer answers every interest sent before it that
/// no earlier offer answered, and the latency counted is from the oldest of them.
/// </summary>
public sealed class OfferInbox
{
    private readonly object _gate = new();
    private readonly List<OfferReceived> _offers = [];
    private readonly Queue<DateTimeOffset> _unanswered = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _offers.Count;
            }
        }
    }

    public void InterestSent(DateTimeOffset at)
    {
        lock (_gate)
        {
            _unanswered.Enqueue(at);
        }
    }

    /// <summary>Records the offer; returns the interest → offer latency when it answered an interest.</summary>
    public TimeSpan? OnOffer(OfferReceived offer, DateTimeOffset at)
    {
        TaskCompletionSource changed;
        TimeSpan? latency = null;
        lock (_gate)
        {
            _offers.Add(offer);
            if (_unanswered.Count > 0)
            {
                latency = at - _unanswered.Peek();
                _unanswered.Clear();
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return latency;
    }

    /// <summary>The first offer received, waiting for it up to <paramref name="timeout"/> (null then).</summary>
    public async Task<OfferReceived?> WaitForFirstAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_offers.Count > 0)
            {
                return _offers[0];
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }

        lock (_gate)
        {
            return _offers.Count > 0 ? _offers[0] : null;
        }
    }

    /// <summary>The newest offered item with this id and an unexpired quote, waiting for one up to <paramref name="timeout"/> (null then).</summary>
    public Task<OfferedItem?> WaitForItemAsync(string itemId, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForAsync(() => Latest(itemId), timeout, cancellationToken);

    /// <summary>Whether <paramref name="itemId"/> was offered at <paramref name="price"/>, waiting for such an offer's push up to <paramref name="timeout"/>.</summary>
    public async Task<bool> WasOfferedAsync(string itemId, decimal price, TimeSpan timeout, CancellationToken cancellationToken) =>
        await WaitForAsync(() => _offers.Select(o => o.Find(itemId)).FirstOrDefault(i => i?.Price == price), timeout, cancellationToken) is not null;

    /// <summary>An offered <paramref name="itemId"/> whose explanation cites <paramref name="factor"/>, waiting up to <paramref name="timeout"/> (null then).</summary>
    public Task<OfferedItem?> WaitForCitingAsync(string itemId, string factor, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForAsync(() => _offers.Select(o => o.Find(itemId)).FirstOrDefault(i => i is not null && i.Cites(factor)), timeout, cancellationToken);

    private async Task<OfferedItem?> WaitForAsync(Func<OfferedItem?> find, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task changed;
            OfferedItem? found;
            lock (_gate)
            {
                changed = _changed.Task;
                found = find();
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (found is not null || left <= TimeSpan.Zero)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Checked once more at the top, then given up.
            }
        }
    }

    private OfferedItem? Latest(string itemId) =>
        _offers.AsEnumerable().Reverse().Select(o => o.Find(itemId))
            .FirstOrDefault(i => i is not null && i.Quote.ExpiresAt > DateTimeOffset.UtcNow.AddSeconds(10));
}
