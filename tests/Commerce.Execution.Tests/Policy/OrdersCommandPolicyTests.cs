using System.Numerics;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Execution.Executor;
using Commerce.Execution.Policy;
using Microsoft.Extensions.Configuration;
using Nethereum.Contracts;

namespace Commerce.Execution.Tests.Policy;

/// <summary>The order grains' refund entry in the allow-list: Checkout.refund on the configured Checkout, under the orders key, no value.</summary>
public sealed class OrdersCommandPolicyTests
{
    private static readonly EthAddress Checkout = EthAddress.FromBytes(Keccak256.HashUtf8("orders-checkout").AsSpan(12));
    private static readonly EthAddress Other = EthAddress.FromBytes(Keccak256.HashUtf8("orders-other").AsSpan(12));
    private static readonly byte[] OrdersKey = Keccak256.HashUtf8("orders-key");
    private static readonly byte[] MarketingKey = Keccak256.HashUtf8("marketing-key");
    private const string OrderId = "0x00000000000000000000000000000000000000000000000000000000000000ab";

    private static CommandPolicy Policy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orders:CommandKey"] = Convert.ToBase64String(OrdersKey),
            ["Orders:CheckoutAddress"] = Checkout.ToString(),
            ["Marketing:CommandKey"] = Convert.ToBase64String(MarketingKey),
        }).Build();
        var options = new ExecutorOptions();
        OrdersCommandPolicy.Apply(options.Policy, configuration);
        MarketingCommandPolicy.Apply(options.Policy, configuration);
        return new CommandPolicy(options.Policy);
    }

    private static ChainCommandRequested Refund(EthAddress to, string data, string value = "0") =>
        new(OrderGrain.RefundCommandId(OrderId), ChainCommandKinds.Refund, to.ToString(), value, data, 0, null);

    private static string? Refusal(CommandPolicy policy, ChainCommandRequested command) =>
        policy.Refusal(command, EthAddress.Parse(command.To), BigInteger.Parse(command.ValueWei), Convert.FromHexString(command.Data[2..]));

    [Fact]
    public void A_refund_is_signed_only_to_the_checkout_with_the_refund_selector_under_the_orders_key_and_no_value()
    {
        var policy = Policy();
        var refund = Refund(Checkout, OrderGrain.PurchaseIdCall(OrderGrain.RefundSelector, OrderId));

        Assert.Null(Refusal(policy, ChainCommandMac.Sign(refund, ChainCommandKinds.OrdersRequester, OrdersKey)));
        Assert.StartsWith("requester", Refusal(policy, refund));
        Assert.StartsWith("requester", Refusal(policy, ChainCommandMac.Sign(refund, ChainCommandKinds.MarketingRequester, MarketingKey)));
        Assert.StartsWith("requesterMac", Refusal(policy, ChainCommandMac.Sign(refund, ChainCommandKinds.OrdersRequester, MarketingKey)));
        Assert.StartsWith("to", Refusal(policy, ChainCommandMac.Sign(refund with { To = Other.ToString() }, ChainCommandKinds.OrdersRequester, OrdersKey)));
        Assert.StartsWith("valueWei", Refusal(policy, ChainCommandMac.Sign(refund with { ValueWei = "1" }, ChainCommandKinds.OrdersRequester, OrdersKey)));
        // Another Checkout function under the refund kind (withdraw of the revenue, declareDefault) is refused.
        Assert.StartsWith("data", Refusal(policy, ChainCommandMac.Sign(refund with { Data = OrderGrain.PurchaseIdCall(OrderGrain.DeclareDefaultSelector, OrderId) },
            ChainCommandKinds.OrdersRequester, OrdersKey)));
        Assert.StartsWith("data", Refusal(policy, ChainCommandMac.Sign(refund with
        {
            Data = "0x" + Convert.ToHexStringLower(new CheckoutFunctions.Withdraw { Currency = Other.ToString(), To = Other.ToString(), Amount = 1 }.GetCallData()),
        }, ChainCommandKinds.OrdersRequester, OrdersKey)));
    }

    [Fact]
    public void The_refund_selector_and_call_data_are_those_of_the_checkout_abi()
    {
        Assert.Equal(OrderGrain.RefundSelector, "0x" + Convert.ToHexStringLower(Keccak256.HashUtf8("refund(bytes32)").AsSpan(0, 4)));
        Assert.Equal(OrderGrain.PurchaseIdCall(OrderGrain.RefundSelector, OrderId),
            "0x" + Convert.ToHexStringLower(new CheckoutFunctions.Refund { PurchaseId = Convert.FromHexString(OrderId[2..]) }.GetCallData()));
    }
}
