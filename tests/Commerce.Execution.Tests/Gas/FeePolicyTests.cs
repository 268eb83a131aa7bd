using System.Numerics;
using Commerce.Chain.JsonRpc;
using Commerce.Execution.Gas;

namespace Commerce.Execution.Tests.Gas;

public sealed class FeePolicyTests
{
    [Fact]
    public void Initial_fees_are_twice_the_base_fee_plus_the_tip_under_the_ceiling()
    {
        var quote = new FeeQuote(BaseFee: 10, PriorityFee: 2);

        Assert.Equal(new Fees(22, 2), FeePolicy.Initial(quote, ceiling: 100));
        Assert.Equal(new Fees(15, 2), FeePolicy.Initial(quote, ceiling: 15));
        Assert.Equal(new Fees(1, 1), FeePolicy.Initial(quote, ceiling: 1));
    }

    [Theory]
    [InlineData(100, 10, 10, 110, 11)]
    [InlineData(100, 10, 13, 113, 12)]
    [InlineData(7, 0, 10, 8, 1)]
    public void A_replacement_raises_both_fees_by_at_least_the_bump(int max, int tip, int percent, int expectedMax, int expectedTip)
    {
        var bumped = FeePolicy.Bump(new Fees(max, tip), new FeeQuote(1, 0), ceiling: 1_000, percent);

        Assert.Equal(new Fees(expectedMax, expectedTip), bumped);
    }

    [Fact]
    public void A_replacement_follows_the_market_when_it_moved_more_than_the_bump()
    {
        var bumped = FeePolicy.Bump(new Fees(100, 10), new FeeQuote(BaseFee: 200, PriorityFee: 50), ceiling: 1_000, 10);

        Assert.Equal(new Fees(450, 50), bumped);
    }

    [Fact]
    public void A_replacement_stops_at_the_ceiling_and_none_is_possible_past_it()
    {
        Assert.Equal(new Fees(105, 11), FeePolicy.Bump(new Fees(100, 10), new FeeQuote(200, 1), ceiling: 105, 5));
        Assert.Null(FeePolicy.Bump(new Fees(100, 10), new FeeQuote(1, 1), ceiling: 109, 10));
    }

    [Fact]
    public void The_oracle_reads_the_next_base_fee_and_the_median_tip_with_a_floor()
    {
        var history = new FeeHistory
        {
            BaseFeePerGas = [100, 110, 120],
            Reward = [[5], [1], [9]],
        };

        Assert.Equal(new FeeQuote(120, 5), GasOracle.FromHistory(history, minPriorityFee: 2));
        Assert.Equal(new FeeQuote(120, 7), GasOracle.FromHistory(history, minPriorityFee: 7));
        Assert.Equal(new FeeQuote(BigInteger.Zero, 3), GasOracle.FromHistory(new FeeHistory(), 3));
    }
}
