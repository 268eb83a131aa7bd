using Commerce.Execution.Executor.Tracking;

namespace Commerce.Execution.Tests.Executor.Tracking;

public sealed class GapResendsTests
{
    [Fact]
    public void The_first_missing_nonce_is_resent_and_filled_with_a_no_op_once_two_blocks_pass_without_it()
    {
        var resends = new GapResends();

        Assert.Equal(GapAction.Resend, resends.Decide(firstMissing: 7, pending: 7, head: 100));
        Assert.Equal(GapAction.Resend, resends.Decide(7, 7, head: 101));
        Assert.Equal(GapAction.FillFirstWithNoOp, resends.Decide(7, 7, head: 102));
        // Filled: a later gap at the same nonce starts counting again.
        Assert.Equal(GapAction.Resend, resends.Decide(7, 7, head: 103));
    }

    [Fact]
    public void A_gap_above_the_pending_count_is_only_resent()
    {
        var resends = new GapResends();

        Assert.Equal(GapAction.Resend, resends.Decide(firstMissing: 9, pending: 7, head: 100));
        Assert.Equal(GapAction.Resend, resends.Decide(9, 7, head: 200));
    }

    [Fact]
    public void A_nonce_the_node_took_since_is_forgotten()
    {
        var resends = new GapResends();
        resends.Decide(7, 7, head: 100);

        resends.Forget(pending: 8, missing: [8]);

        Assert.Equal(GapAction.Resend, resends.Decide(7, 7, head: 105));
        Assert.Equal(GapAction.FillFirstWithNoOp, resends.Decide(7, 7, head: 107));
    }

    [Fact]
    public void A_nonce_no_longer_missing_is_forgotten()
    {
        var resends = new GapResends();
        resends.Decide(7, 7, head: 100);

        resends.Forget(pending: 7, missing: []);

        Assert.Equal(GapAction.Resend, resends.Decide(7, 7, head: 110));
    }

    [Fact]
    public void A_nonce_is_taken_as_used_elsewhere_only_when_suspected_twice_in_a_row()
    {
        var suspects = new NonceSuspects();

        Assert.False(suspects.SuspectAgain(3));
        Assert.True(suspects.SuspectAgain(3));
        Assert.False(suspects.SuspectAgain(3));
        suspects.Clear();
        Assert.False(suspects.SuspectAgain(3));
    }
}
