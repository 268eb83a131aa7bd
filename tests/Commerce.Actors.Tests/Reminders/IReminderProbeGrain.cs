using Orleans;

namespace Commerce.Actors.Tests.Reminders;

/// <summary>A grain that registers one reminder on request and reports its ticks to <see cref="ReminderTicks"/>.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period);
}
