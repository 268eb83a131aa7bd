using Commerce.Sdk;

namespace Commerce.GameSimulator.Orders;

/// <summary>
/// What one order's <c>OrderUpdated</c> pushes said so far (and, as a fallback, what polling it read): every status
/// in arrival order, the terminal states seen, installment reminders. Waiters wake on each change.
/// </summary>
public sealed class OrderTrack(string orderId)
{
    private readonly object _gate = new();
    private readonly List<string> _statuses = [];
    private readonly HashSet<string> _terminalStates = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reminders;

    public string OrderId { get; } = orderId;

    /// <summary>The latest status (null before the first push).</summary>
    public string? Status
    {
        get
        {
            lock (_gate)
            {
                return _statuses.Count == 0 ? null : _statuses[^1];
            }
        }
    }

    /// <summary>Distinct terminal states pushed for the order: exactly one is right.</summary>
    public IReadOnlyCollection<string> TerminalStates
    {
        get
        {
            lock (_gate)
            {
                return [.. _terminalStates];
            }
        }
    }

    public bool IsTerminal
    {
        get
        {
            lock (_gate)
            {
                return _terminalStates.Count > 0;
            }
        }
    }

    /// <summary>Installment reminders pushed so far.</summary>
    public int Reminders => Volatile.Read(ref _reminders);

    public DateTimeOffset? TerminalAt { get; private set; }

    public void OnPush(OrderUpdate update) => Record(update.Status, update.IsInstallmentReminder);

    /// <summary>A status read by polling the order (when a push is late); terminal states count the same.</summary>
    public void OnPolled(string status) => Record(status, false);

    /// <summary>Waits until <paramref name="condition"/> holds, a change arrives that makes it hold, or the timeout passes (false).</summary>
    public async Task<bool> WaitUntilAsync(Func<OrderTrack, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return true;
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await changed.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return condition(this);
            }
        }
    }

    private void Record(string status, bool reminder)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_statuses.Count == 0 || _statuses[^1] != status || reminder)
            {
                _statuses.Add(status);
            }

            if (OrderStatuses.IsTerminal(status) && _terminalStates.Add(status) && _terminalStates.Count == 1)
            {
                TerminalAt = DateTimeOffset.UtcNow;
            }

            if (reminder)
            {
                _reminders++;
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
