using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Execution.Executor.Tracking;
using Commerce.Execution.Gas;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Tests.Executor.Tracking;

public sealed class ReplacementPolicyTests
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeeQuote Quiet = new(BaseFee: 1, PriorityFee: 1);

    [Theory]
    [InlineData(CommandStatus.Pending, 60, true)]
    [InlineData(CommandStatus.Submitted, 60, true)]
    [InlineData(CommandStatus.Submitted, 59, false)]
    [InlineData(CommandStatus.Mined, 600, false)]
    public void A_command_is_stuck_when_unmined_and_its_latest_attempt_is_StuckAfter_old(CommandStatus status, int secondsLater, bool stuck)
    {
        var command = Command(max: 100, tip: 10, ceiling: 1_000) with { Status = status };

        Assert.Equal(stuck, ReplacementPolicy.IsStuck(command, Sent.AddSeconds(secondsLater), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void A_stuck_command_gets_both_fees_raised_by_at_least_the_bump()
    {
        var replacement = ReplacementPolicy.ForStuck(Command(max: 100, tip: 10, ceiling: 1_000), Quiet, bumpPercent: 13);

        var bump = Assert.IsType<Replacement.FeeBump>(replacement);
        Assert.Equal(new Fees(113, 12), bump.Fees);
    }

    [Fact]
    public void A_stuck_command_follows_the_market_when_it_rose_more_than_the_bump()
    {
        var replacement = ReplacementPolicy.ForStuck(Command(max: 100, tip: 10, ceiling: 1_000), new FeeQuote(BaseFee: 300, PriorityFee: 50), bumpPercent: 13);

        Assert.Equal(new Fees(650, 50), Assert.IsType<Replacement.FeeBump>(replacement).Fees);
    }

    [Fact]
    public void At_its_fee_ceiling_a_stuck_command_is_cancelled_with_a_no_op_naming_the_ceiling()
    {
        var replacement = ReplacementPolicy.ForStuck(Command(max: 100, tip: 10, ceiling: 105), Quiet, bumpPercent: 13);

        var noOp = Assert.IsType<Replacement.NoOp>(replacement);
        Assert.Equal("fee ceiling of 105 wei per gas reached", noOp.Reason);
    }

    [Fact]
    public void A_stuck_no_op_is_replaced_by_another_no_op_keeping_the_reason()
    {
        var cancelling = Command(max: 100, tip: 10, ceiling: 1_000, isCancel: true) with { Reason = "rejected by the node: intrinsic gas too low" };

        var noOp = Assert.IsType<Replacement.NoOp>(ReplacementPolicy.ForStuck(cancelling, Quiet, bumpPercent: 13));

        Assert.Equal("rejected by the node: intrinsic gas too low", noOp.Reason);
    }

    [Fact]
    public void A_no_op_outbids_the_latest_attempt_under_the_cancel_ceiling_or_is_not_possible()
    {
        var command = Command(max: 100, tip: 10, ceiling: 100);

        Assert.Equal(new Fees(113, 12), ReplacementPolicy.NoOpFees(command, Quiet, cancelCeiling: 500, bumpPercent: 13));
        Assert.Null(ReplacementPolicy.NoOpFees(command, Quiet, cancelCeiling: 112, bumpPercent: 13));
    }

    private static ExecutorCommand Command(BigInteger max, BigInteger tip, BigInteger ceiling, bool isCancel = false) => new()
    {
        CommandId = "c1",
        Sender = EthAddress.Zero,
        Nonce = 4,
        Kind = "transfer",
        To = EthAddress.Zero,
        GasLimit = 21_000,
        FeeCeiling = ceiling,
        Status = CommandStatus.Submitted,
        Attempts = [new TransactionAttempt(1, "0x01", [], max, tip, isCancel, Sent)],
    };
}
