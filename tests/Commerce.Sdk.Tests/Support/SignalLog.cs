namespace Commerce.Sdk.Tests.Support;

/// <summary>
/// A thread-safe append-only list that tests wait on: <see cref="WaitForAsync"/> completes as soon
/// as a condition over the items holds, or fails at the deadline saying what was expected and what
/// was seen. No polling, no sleeps.
/// </summary>
public sealed class SignalLog<T>
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<IReadOnlyList<T>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public void Add(T item)
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _items.Add(item);
            var snapshot = _items.ToArray();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(snapshot))
                {
                    ready.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return _items.ToArray();
        }
    }

    public int Count => Snapshot().Count;

    public async Task<IReadOnlyList<T>> WaitForAsync(
        Func<IReadOnlyList<T>, bool> condition,
        string expectation,
        TimeSpan? timeout = null,
        Func<IReadOnlyList<T>, string>? describe = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_items.ToArray()))
            {
                return _items.ToArray();
            }

            _waiters.Add((condition, done));
        }

        var limit = timeout ?? DefaultTimeout;
        try
        {
            await done.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            var seen = Snapshot();
            Assert.Fail($"Waited {limit.TotalSeconds:0.#} s for {expectation}; saw {seen.Count} item(s): "
                + (describe ?? DescribeDefault)(seen));
        }

        return Snapshot();
    }

    private static string DescribeDefault(IReadOnlyList<T> items) =>
        "[" + string.Join(", ", items.TakeLast(20)) + "]";
}
