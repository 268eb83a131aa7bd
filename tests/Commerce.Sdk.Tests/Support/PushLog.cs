namespace Commerce.Sdk.Tests.Support;

/// <summary>One player's pushes on the test server: seq increases by one per push.</summary>
public sealed class PushLog
{
    private readonly object _gate = new();
    private readonly List<(long Seq, string Frame)> _frames = [];
    private TaskCompletionSource _changed = NewSignal();

    public long Append(string type, string payloadJson)
    {
        TaskCompletionSource changed;
        long seq;
        lock (_gate)
        {
            seq = _frames.Count + 1;
            var occurredAt = DateTimeOffset.UtcNow.ToString("O");
            _frames.Add((seq, $"{{\"seq\":{seq},\"type\":\"{type}\",\"occurredAt\":\"{occurredAt}\",\"payload\":{payloadJson}}}"));
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return seq;
    }

    /// <summary>Frames with seq above <paramref name="after"/>, and a task that completes on the next append.</summary>
    public (IReadOnlyList<(long Seq, string Frame)> Frames, Task Changed) After(long after)
    {
        lock (_gate)
        {
            return (_frames.Where(f => f.Seq > after).ToArray(), _changed.Task);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
