using System.Collections.Concurrent;

namespace Commerce.Actors.Tests.Reminders;

/// <summary>The first tick each probe grain received (by grain key), for tests to await.</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _first = new();

    /// <summary>Completes with the reminder's name when the grain of <paramref name="key"/> first ticks.</summary>
    public static Task<string> FirstTick(string key) => Signal(key).Task;

    public static void Record(string key, string reminderName) => Signal(key).TrySetResult(reminderName);

    private static TaskCompletionSource<string> Signal(string key) =>
        _first.GetOrAdd(key, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
