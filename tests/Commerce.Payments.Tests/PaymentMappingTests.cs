using Commerce.Payments.Watcher;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;

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
    public void Watcher_asks_for_the_five_order_events_only()
    {
        Assert.Equal(5, PaymentMapping.Topics.Count);
        Assert.Equal(5, PaymentMapping.Topics.Select(Convert.ToHexString).Distinct().Count());
        Assert.Contains(PaymentMapping.Topics, t => t.SequenceEqual(TypedEvent<CheckoutEvents.Purchased>.Topic0));
        Assert.DoesNotContain(PaymentMapping.Topics, t => t.SequenceEqual(TypedEvent<CheckoutEvents.Withdrawn>.Topic0));
    }
}
