using Commerce.Payments.Watcher;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Payments.Tests;

public sealed class PaymentMappingTests
{
    [Theory]
    [InlineData("00", "0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ab", "0xabababababababababababababababababababababababababababababababab")]
    [InlineData("F0", "0xf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0")]
    public void Order_id_is_the_purchase_id_as_0x_and_64_lowercase_hex(string byteHex, string expected)
    {
        var purchaseId = Enumerable.Repeat(Convert.FromHexString(byteHex)[0], 32).ToArray();
        Assert.Equal(expected, PaymentMapping.OrderId(purchaseId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Purchase_id_of_another_length_is_refused(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => PaymentMapping.OrderId(new byte[length]));
        Assert.Equal("purchaseId", error.ParamName);
    }

    [Fact]
    public void Watcher_asks_for_the_five_order_events_and_the_refund_credits_only()
    {
        Assert.Equal(7, PaymentMapping.Topics.Count);
        Assert.Equal(7, PaymentMapping.Topics.Select(Convert.ToHexString).Distinct().Count());
        Assert.Contains(PaymentMapping.Topics, t => t.SequenceEqual(TypedEvent<CheckoutEvents.Purchased>.Topic0));
        Assert.Contains(PaymentMapping.Topics, t => t.SequenceEqual(TypedEvent<CheckoutEvents.RefundCredited>.Topic0));
        Assert.Contains(PaymentMapping.Topics, t => t.SequenceEqual(TypedEvent<CheckoutEvents.OwedPaid>.Topic0));
        Assert.DoesNotContain(PaymentMapping.Topics, t => t.SequenceEqual(TypedEvent<CheckoutEvents.Withdrawn>.Topic0));
    }

    private static readonly EthAddress Account = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly EthAddress Token = EthAddress.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static readonly EthAddress Elsewhere = EthAddress.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

    private static RpcLog Log(int index) => new()
    {
        Address = Token, BlockNumber = 12, BlockHash = "0xB12", TransactionHash = "0xT1", LogIndex = (ulong)index,
    };

    [Fact]
    public void A_refund_credited_is_about_its_order_with_the_credited_account_and_the_currency()
    {
        var purchaseId = Enumerable.Repeat((byte)0xab, 32).ToArray();
        var observed = PaymentMapping.Map(new CheckoutRefundCredited(purchaseId, Account, Token, 450) { Log = Log(3) })!;

        Assert.Equal((PaymentMapping.OrderId(purchaseId), "RefundCredited", Account.ToString(), "450", Token.ToString(), null),
            (observed.OrderId, observed.Kind, observed.Buyer, observed.Amount, observed.Currency, observed.PaidTo));
        Assert.Equal(("0xt1", 3, 12L, "0xb12", false, false), (observed.TransactionHash, observed.LogIndex, observed.BlockNumber, observed.BlockHash, observed.Confirmed, observed.Reorged));
        Assert.False(PaymentMapping.IsOwedPaid(observed));
    }

    [Fact]
    public void An_owed_paid_is_about_no_order_but_the_account_where_it_went_and_the_currency()
    {
        var observed = PaymentMapping.Map(new CheckoutOwedPaid(Account, Token, Elsewhere, 450) { Log = Log(5) })!;

        Assert.Equal(("", "OwedPaid", Account.ToString(), "450", Token.ToString(), Elsewhere.ToString()),
            (observed.OrderId, observed.Kind, observed.Buyer, observed.Amount, observed.Currency, observed.PaidTo));
        Assert.True(PaymentMapping.IsOwedPaid(observed));
    }
}
