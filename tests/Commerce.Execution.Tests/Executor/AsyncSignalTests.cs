using Commerce.Execution.Executor;

namespace Commerce.Execution.Tests.Executor;

public sealed class AsyncSignalTests
{
    [Fact]
    public async Task A_notify_while_nobody_waits_wakes_the_next_wait_at_once_and_only_that_one()
    {
        var signal = new AsyncSignal();
        signal.Notify();
        signal.Notify();

        Assert.True(await signal.WaitAsync(TimeSpan.FromMinutes(5), default), "the kept notify should end the wait at once");
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(1), default), "two notifies before a wait are kept as one");
    }

    [Fact]
    public async Task A_notify_wakes_a_waiter()
    {
        var signal = new AsyncSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(5), default);

        signal.Notify();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
