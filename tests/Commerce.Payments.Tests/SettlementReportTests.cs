using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Events.Orders;
using Commerce.Testing;

namespace Commerce.Payments.Tests;

/// <summary>Stablecoin payments, compensation refunds and defaulted plans, as the watcher reports them.</summary>
[Collection(nameof(PaymentsCollection))]
public sealed class SettlementReportTests(PaymentsEnvironment env)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stablecoin_purchase_and_its_refund_are_reported_in_token_units()
    {
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 1);
        var buyer = await env.NewActorAsync();
        var price = new BigInteger(25_500_000);   // 25.5 cUSD
        await deployment.Coin.MintAsync(deployment.Admin.Sender, buyer.Address, price);
        await deployment.Coin.ApproveAsync(buyer.Sender, deployment.Checkout.Address, price);
        var quote = await deployment.QuoteAsync(buyer, price, currency: deployment.Coin.Address);
        await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
        var orderId = Deployment.OrderId(quote);

        var purchased = await WaitForAsync(orderId, p => p.Kind == "Purchased" && p.Confirmed, "Purchased, confirmed");
        Assert.Equal("25500000", purchased.Amount);

        var operatorActor = await env.NewActorAsync();
        await deployment.Checkout.GrantRoleAsync(deployment.Admin.Sender, ContractRoles.Operator, operatorActor.Address);
        await deployment.Checkout.RefundAsync(operatorActor.Sender, quote.Nonce);
        var refunded = await WaitForAsync(orderId, p => p.Kind == "Refunded" && p.Confirmed, "Refunded, confirmed");
        Assert.Equal("25500000", refunded.Amount);
        Assert.Equal(buyer.Address.ToString(), refunded.Buyer);
        Assert.Equal(price, await deployment.Coin.BalanceOfAsync(buyer.Address));
    }

    [Fact]
    public async Task Missed_deadline_is_reported_as_a_defaulted_plan_with_its_refund()
    {
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 1);
        var buyer = await env.NewActorAsync();
        var price = PaymentsEnvironment.Ether;
        var quote = await deployment.QuoteAsync(buyer, price, installments: 4);
        await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
        var orderId = Deployment.OrderId(quote);
        var purchased = await WaitForAsync(orderId, p => p.Kind == "Purchased" && p.Confirmed, "Purchased, confirmed");
        Assert.Equal(await deployment.Checkout.NextDeadlineAsync(quote.Nonce), (ulong)purchased.NextDeadline!.Value);

        await env.IncreaseTimeAsync((ulong)(purchased.NextDeadline.Value - (long)await env.LatestTimestampAsync()) + 1);
        await deployment.Checkout.DeclareDefaultAsync(deployment.Admin.Sender, quote.Nonce);
        var defaulted = await WaitForAsync(orderId, p => p.Kind == "PlanDefaulted" && p.Confirmed, "PlanDefaulted, confirmed");
        var (refund, _) = await deployment.Checkout.DefaultRefundAsync(BigInteger.Parse(purchased.Amount, CultureInfo.InvariantCulture));
        Assert.Equal(refund.ToString(CultureInfo.InvariantCulture), defaulted.Amount);
    }

    private async Task<PaymentObserved> WaitForAsync(string orderId, Func<PaymentObserved, bool> condition, string expected)
    {
        PaymentObserved? found = null;
        await Eventually.Until(() =>
        {
            found = env.Of(orderId).Select(o => o.Payment).FirstOrDefault(condition);
            return found is not null;
        }, Deadline, () => $"{expected} for order {orderId}; seen: [{string.Join(", ", env.Of(orderId).Select(o => $"{o.Payment.Kind} confirmed={o.Payment.Confirmed}"))}]");
        return found!;
    }
}
