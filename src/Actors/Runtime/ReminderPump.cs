using Commerce.Actors.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Runtime;

/// <summary>
/// Moves due reminders into the outbox (one transaction per batch) and wakes the relay, which
/// publishes them to their grains' input topics. Checks every <see cref="Interval"/> of the
/// platform clock; a reminder is late by at most that much plus the relay's and the grain's lag.
/// </summary>
public sealed partial class ReminderPump(IGrainStore store, OutboxSignal outbox, TimeProvider clock, ILogger<ReminderPump> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int released;
                do
                {
                    released = await store.ReleaseDueRemindersAsync(clock.GetUtcNow(), 500, stoppingToken);
                    if (released > 0)
                        outbox.Notify();
                }
                while (released == 500);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing due reminders failed; retrying")]
    private partial void LogFailed(Exception ex);
}
