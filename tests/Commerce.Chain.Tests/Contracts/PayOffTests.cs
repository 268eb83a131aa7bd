using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>Paying a plan off early (Checkout.payOff): the remainder at once, the item released, once; never late, never by another.</summary>
[Collection(nameof(ContractsCollection))]
public class PayOffTests(ContractsEnvironment env)
{
    private const ulong Interval = ContractsEnvironment.Interval;
    private static readonly BigInteger Price = ContractsEnvironment.Ether + 1;

    [Fact]
    public async Task A_payoff_after_one_installment_pays_the_remainder_releases_the_item_and_cannot_be_paid_twice()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price, installments: 4);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var each = InstallmentSchedule.InstallmentAmount(Price, 4);
        await d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each);
        var remainder = Price - InstallmentSchedule.DownPayment(Price, 4) - each;
        Assert.Equal(2 * each, remainder);

        var short1 = await Reverts.WithAsync("WrongAmount", () => d.Checkout.PayOffAsync(buyer.Sender, quote.Nonce, each));
        Assert.Equal([remainder, each], short1.ErrorArguments);
        var receipt = await d.Checkout.PayOffAsync(buyer.Sender, quote.Nonce, remainder);

        var events = d.Checkout.DecodeEvents(receipt.Logs);
        var paid = Assert.IsType<CheckoutInstallmentPaid>(events[0]);
        Assert.Equal(((ushort)2, remainder, Price, 0ul), (paid.Index, paid.Amount, paid.TotalPaid, paid.NextDeadline));
        Assert.IsType<CheckoutPlanCompleted>(events[1]);
        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
        Assert.False(await d.Checkout.InEscrowAsync(d.Items.Address, quote.TokenId));
        Assert.Equal(Price, await d.Checkout.RevenueAsync(EthAddress.Zero));
        Assert.Equal(Price, await env.Eth.GetBalanceAsync(d.Checkout.Address));
        var plan = await d.Checkout.GetPurchaseAsync(quote.Nonce);
        Assert.Equal((PurchaseStatus.Completed, (ushort)4, Price), (plan.Status, plan.PaymentsMade, plan.Paid));

        await Reverts.WithAsync("PlanNotActive", () => d.Checkout.PayOffAsync(buyer.Sender, quote.Nonce, remainder));
        await Reverts.WithAsync("PlanNotActive", () => d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each));
        await Reverts.WithAsync("PlanNotActive", () => d.Checkout.DeclareDefaultAsync(buyer.Sender, quote.Nonce));
        Assert.Equal(Price, await env.Eth.GetBalanceAsync(d.Checkout.Address));
    }

    [Fact]
    public async Task Only_the_buyer_pays_off_and_only_by_the_deadline_after_which_the_default_stands()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var other = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price, installments: 3);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var plan = await d.Checkout.GetPurchaseAsync(quote.Nonce);
        var remainder = Price - InstallmentSchedule.DownPayment(Price, 3);

        var notBuyer = await Reverts.WithAsync("NotPlanBuyer", () => d.Checkout.PayOffAsync(other.Sender, quote.Nonce, remainder));
        Assert.Equal([buyer.Address, other.Address], notBuyer.ErrorArguments);

        await env.AdvanceToAsync(plan.StartedAt + Interval + 1);
        var late = await Reverts.WithAsync("InstallmentLate", () => d.Checkout.PayOffAsync(buyer.Sender, quote.Nonce, remainder));
        Assert.Equal(new BigInteger(plan.StartedAt + Interval), late.ErrorArguments[1]);
        await d.Checkout.DeclareDefaultAsync(other.Sender, quote.Nonce);
        await Reverts.WithAsync("PlanNotActive", () => d.Checkout.PayOffAsync(buyer.Sender, quote.Nonce, remainder));
        Assert.Equal(d.Checkout.Address, await d.Items.OwnerOfAsync(quote.TokenId));
    }

    [Fact]
    public async Task A_stablecoin_plan_is_paid_off_by_pulling_the_remainder()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        BigInteger price = 120_000_000; // 120 cUSD: 30 down, 90 paid off at once
        var quote = await d.QuoteAsync(buyer, price, d.Coin.Address, installments: 4);
        await d.FundWithCoinAsync(buyer, price);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        Assert.Equal(90_000_000, await d.Coin.BalanceOfAsync(buyer.Address));

        var receipt = await d.Checkout.PayOffAsync(buyer.Sender, quote.Nonce, BigInteger.Zero);

        Assert.Equal(90_000_000, Assert.Single(d.Checkout.DecodeEvents<CheckoutInstallmentPaid>(receipt.Logs)).Amount);
        Assert.Equal(BigInteger.Zero, await d.Coin.BalanceOfAsync(buyer.Address));
        Assert.Equal(price, await d.Coin.BalanceOfAsync(d.Checkout.Address));
        Assert.Equal(price, await d.Checkout.RevenueAsync(d.Coin.Address));
        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
    }
}
