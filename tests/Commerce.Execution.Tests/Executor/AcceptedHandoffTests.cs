using Commerce.Chain.Crypto;
using Commerce.Execution.Executor;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Tests.Executor;

public sealed class AcceptedHandoffTests
{
    [Fact]
    public void A_run_that_follows_on_from_the_last_nonce_held_is_taken_once()
    {
        var handoff = new AcceptedHandoff(100);
        handoff.Add(Commands(5, 3));
        handoff.Add(Commands(8, 2));

        var taken = handoff.TakeAfter(4);

        Assert.Equal([5UL, 6UL, 7UL, 8UL, 9UL], taken!.Select(c => c.Nonce!.Value));
        Assert.Empty(handoff.TakeAfter(9)!);
    }

    [Fact]
    public void Commands_the_tracker_already_read_from_the_store_are_skipped()
    {
        var handoff = new AcceptedHandoff(100);
        handoff.Add(Commands(0, 4));

        var taken = handoff.TakeAfter(2);

        Assert.Equal([3UL], taken!.Select(c => c.Nonce!.Value));
    }

    [Theory]
    [InlineData(3UL)] // nonces 4 and 5 were taken elsewhere (another instance): read the store
    [InlineData(null)] // the tracker holds nothing yet
    public void A_gap_or_nothing_held_sends_the_tracker_to_the_store(ulong? lastHeld)
    {
        var handoff = new AcceptedHandoff(100);
        handoff.Add(Commands(6, 2));

        Assert.Null(handoff.TakeAfter(lastHeld));
        Assert.Empty(handoff.TakeAfter(7)!);
    }

    [Fact]
    public void Past_its_capacity_it_drops_everything_and_sends_the_tracker_to_the_store_once()
    {
        var handoff = new AcceptedHandoff(3);
        handoff.Add(Commands(1, 2));
        handoff.Add(Commands(3, 2));
        handoff.Add(Commands(5, 1));

        Assert.Null(handoff.TakeAfter(0));
        handoff.Add(Commands(6, 1));
        Assert.Equal([6UL], handoff.TakeAfter(5)!.Select(c => c.Nonce!.Value));
    }

    private static List<ExecutorCommand> Commands(ulong first, int count) =>
        Enumerable.Range(0, count).Select(i => new ExecutorCommand
        {
            CommandId = $"c{first + (ulong)i}",
            Sender = EthAddress.Zero,
            Nonce = first + (ulong)i,
            Kind = "transfer",
            To = EthAddress.Zero,
            Status = CommandStatus.Pending,
        }).ToList();
}
