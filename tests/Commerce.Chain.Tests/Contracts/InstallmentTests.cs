using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>Buy now, pay later: down payment, escrow, installments by their deadlines, completion, default and its refund rule.</summary>
[Collection(nameof(ContractsCollection))]
public class InstallmentTests(ContractsEnvironment env)
{
    private const ulong Interval = ContractsEnvironment.Interval;

    // Not divisible by 3: the down payment takes the remainder.
    private static readonly BigInteger Price = ContractsEnvironment.Ether + 1;

    [Fact]
    public async Task An_eth_plan_holds_the_item_in_escrow_and_releases_it_with_the_last_installment()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price, installments: 3);
        var down = InstallmentSchedule.DownPayment(Price, 3);
        var each = InstallmentSchedule.InstallmentAmount(Price, 3);
        Assert.Equal(Price, down + 2 * each);
        Assert.Equal(each + 2, down);

        var receipt = await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));

        var plan = await d.Checkout.GetPurchaseAsync(quote.Nonce);
        Assert.Equal((PurchaseStatus.Active, (ushort)1, down), (plan.Status, plan.PaymentsMade, plan.Paid));
        Assert.Equal(d.Checkout.Address, await d.Items.OwnerOfAsync(quote.TokenId));
        Assert.True(await d.Checkout.InEscrowAsync(d.Items.Address, quote.TokenId));
        Assert.Equal(BigInteger.Zero, await d.Checkout.RevenueAsync(EthAddress.Zero));
        var purchased = Assert.Single(d.Checkout.DecodeEvents<CheckoutPurchased>(receipt.Logs));
        Assert.Equal((down, (ushort)3, plan.StartedAt + Interval), (purchased.AmountPaid, purchased.Installments, purchased.NextDeadline));
        Assert.Equal(plan.StartedAt + Interval, await d.Checkout.NextDeadlineAsync(quote.Nonce));

        // First installment just before its deadline.
        await env.AdvanceToAsync(plan.StartedAt + Interval - 600);
        var first = await d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each);
        var paid1 = Assert.Single(d.Checkout.DecodeEvents<CheckoutInstallmentPaid>(first.Logs));
        Assert.Equal(((ushort)1, each, down + each, plan.StartedAt + 2 * Interval), (paid1.Index, paid1.Amount, paid1.TotalPaid, paid1.NextDeadline));
        Assert.Equal(d.Checkout.Address, await d.Items.OwnerOfAsync(quote.TokenId));

        await env.AdvanceToAsync(plan.StartedAt + 2 * Interval - 600);
        var last = await d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each);

        var events = d.Checkout.DecodeEvents(last.Logs);
        var paid2 = Assert.IsType<CheckoutInstallmentPaid>(events[0]);
        Assert.Equal(((ushort)2, Price, 0ul), (paid2.Index, paid2.TotalPaid, paid2.NextDeadline));
        var completed = Assert.IsType<CheckoutPlanCompleted>(events[1]);
        Assert.Equal(quote.Nonce, completed.PurchaseId);
        Assert.Equal((buyer.Address, quote.TokenId), (completed.Buyer, completed.TokenId));
        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
        Assert.False(await d.Checkout.InEscrowAsync(d.Items.Address, quote.TokenId));
        Assert.Equal(Price, await d.Checkout.RevenueAsync(EthAddress.Zero));
        Assert.Equal(PurchaseStatus.Completed, (await d.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        Assert.Equal(0ul, await d.Checkout.NextDeadlineAsync(quote.Nonce));
        var done = await Reverts.WithAsync("PlanNotActive", () => d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each));
        Assert.Equal(new BigInteger((int)PurchaseStatus.Completed), done.ErrorArguments[1]);
    }

    [Fact]
    public async Task A_stablecoin_plan_pulls_each_installment_and_completes()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        BigInteger price = 120_000_000; // 120 cUSD in 4 payments of 30
        var quote = await d.QuoteAsync(buyer, price, d.Coin.Address, installments: 4);
        await d.FundWithCoinAsync(buyer, price);

        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        Assert.Equal(90_000_000, await d.Coin.BalanceOfAsync(buyer.Address));
        for (var i = 1; i < 4; i++)
            await d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, 0);

        Assert.Equal(BigInteger.Zero, await d.Coin.BalanceOfAsync(buyer.Address));
        Assert.Equal(price, await d.Coin.BalanceOfAsync(d.Checkout.Address));
        Assert.Equal(price, await d.Checkout.RevenueAsync(d.Coin.Address));
        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
    }

    [Fact]
    public async Task A_late_installment_is_refused_and_the_default_refunds_what_was_paid_less_ten_percent()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var stranger = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price, installments: 3);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var plan = await d.Checkout.GetPurchaseAsync(quote.Nonce);
        var each = InstallmentSchedule.InstallmentAmount(Price, 3);
        await d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each);
        var paid = InstallmentSchedule.DownPayment(Price, 3) + each;

        var early = await Reverts.WithAsync("NotInDefault", () => d.Checkout.DeclareDefaultAsync(stranger.Sender, quote.Nonce));
        Assert.Equal(new BigInteger(plan.StartedAt + 2 * Interval), early.ErrorArguments[1]);

        await env.AdvanceToAsync(plan.StartedAt + 2 * Interval + 1);
        var late = await Reverts.WithAsync("InstallmentLate", () => d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each));
        Assert.Equal(new BigInteger(plan.StartedAt + 2 * Interval), late.ErrorArguments[1]);

        var buyerBefore = await env.Eth.GetBalanceAsync(buyer.Address);
        var receipt = await d.Checkout.DeclareDefaultAsync(stranger.Sender, quote.Nonce);

        var penalty = paid / 10 + (paid % 10 == 0 ? 0 : 1);
        Assert.Equal(buyerBefore + paid - penalty, await env.Eth.GetBalanceAsync(buyer.Address));
        var defaulted = Assert.Single(d.Checkout.DecodeEvents<CheckoutPlanDefaulted>(receipt.Logs));
        Assert.Equal((buyer.Address, stranger.Address, paid - penalty, penalty), (defaulted.Buyer, defaulted.DeclaredBy, defaulted.Refund, defaulted.Penalty));
        Assert.Equal(penalty, await d.Checkout.RevenueAsync(EthAddress.Zero));
        Assert.Equal(penalty, await env.Eth.GetBalanceAsync(d.Checkout.Address));
        Assert.Equal(d.Checkout.Address, await d.Items.OwnerOfAsync(quote.TokenId));
        Assert.False(await d.Checkout.InEscrowAsync(d.Items.Address, quote.TokenId));
        Assert.Equal(PurchaseStatus.Defaulted, (await d.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        await Reverts.WithAsync("PlanNotActive", () => d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each));
        await Reverts.WithAsync("PlanNotActive", () => d.Checkout.DeclareDefaultAsync(stranger.Sender, quote.Nonce));
    }

    [Fact]
    public async Task A_stablecoin_default_refund_is_checked_by_token_balances_and_the_reclaimed_item_sells_again()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var nextBuyer = await env.NewActorAsync();
        BigInteger price = 100_000_001;
        var quote = await d.QuoteAsync(buyer, price, d.Coin.Address, installments: 2);
        await d.FundWithCoinAsync(buyer, price);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var down = InstallmentSchedule.DownPayment(price, 2); // 50_000_001
        Assert.Equal(new BigInteger(50_000_001), down);
        var plan = await d.Checkout.GetPurchaseAsync(quote.Nonce);

        await env.AdvanceToAsync(plan.StartedAt + Interval + 1);
        await d.Checkout.DeclareDefaultAsync(nextBuyer.Sender, quote.Nonce);

        // 10% of 50_000_001 is 5_000_000.1: the penalty rounds up to 5_000_001.
        Assert.Equal((new BigInteger(45_000_000), new BigInteger(5_000_001)), InstallmentSchedule.DefaultRefund(down));
        Assert.Equal(price - down + 45_000_000, await d.Coin.BalanceOfAsync(buyer.Address));
        Assert.Equal(new BigInteger(5_000_001), await d.Coin.BalanceOfAsync(d.Checkout.Address));
        Assert.Equal(new BigInteger(5_000_001), await d.Checkout.RevenueAsync(d.Coin.Address));

        var resale = await d.QuoteAsync(nextBuyer, ContractsEnvironment.Ether, tokenId: quote.TokenId);
        var receipt = await d.Checkout.PurchaseAsync(nextBuyer.Sender, resale, d.Sign(resale));
        var moved = Assert.Single(d.Items.DecodeTransfers(receipt.Logs));
        Assert.Equal((d.Checkout.Address, nextBuyer.Address), (moved.From, moved.To));
    }

    [Fact]
    public async Task Only_the_plan_buyer_pays_installments_and_only_the_exact_amount()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var other = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price, installments: 2);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var each = InstallmentSchedule.InstallmentAmount(Price, 2);

        var notBuyer = await Reverts.WithAsync("NotPlanBuyer", () => d.Checkout.PayInstallmentAsync(other.Sender, quote.Nonce, each));
        Assert.Equal([buyer.Address, other.Address], notBuyer.ErrorArguments);
        var wrong = await Reverts.WithAsync("WrongAmount", () => d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, each - 1));
        Assert.Equal([each, each - 1], wrong.ErrorArguments);
        await Reverts.WithAsync("UnknownPurchase", () => d.Checkout.PayInstallmentAsync(buyer.Sender, CheckoutQuote.NewNonce(), each));
        // A plan's purchase takes the down payment, not the full price.
        var another = await d.QuoteAsync(buyer, Price, installments: 2);
        var fullPrice = await Reverts.WithAsync("WrongAmount", () => d.Checkout.PurchaseAsync(buyer.Sender, another, d.Sign(another), ethValue: Price));
        Assert.Equal([InstallmentSchedule.DownPayment(Price, 2), Price], fullPrice.ErrorArguments);
    }

    [Fact]
    public async Task An_item_in_escrow_cannot_be_sold_again_or_released()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var other = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price, installments: 2);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var second = await d.QuoteAsync(other, Price, tokenId: quote.TokenId);

        var error = await Reverts.WithAsync("ItemInEscrow", () => d.Checkout.PurchaseAsync(other.Sender, second, d.Sign(second)));
        Assert.Equal([d.Items.Address, quote.TokenId], error.ErrorArguments);
        await Reverts.WithAsync("ItemInEscrow", () => d.Checkout.ReleaseItemAsync(d.Operator.Sender, d.Items.Address, quote.TokenId, d.Operator.Address));
    }

    public static TheoryData<string, int> Schedules => new()
    {
        { "1000000000000000001", 3 }, { "7", 7 }, { "100", 24 }, { "99999999", 2 }, { "5", 1 }, { "123456789012345678901234567890", 11 },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public async Task The_off_chain_schedule_and_refund_rule_equal_the_contracts(string priceText, int installments)
    {
        var d = await env.DeployAsync();
        var price = BigInteger.Parse(priceText, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(InstallmentSchedule.DownPayment(price, installments), await d.Checkout.DownPaymentAsync(price, (ushort)installments));
        Assert.Equal(InstallmentSchedule.InstallmentAmount(price, installments), await d.Checkout.InstallmentAmountAsync(price, (ushort)installments));
        Assert.Equal(InstallmentSchedule.DefaultRefund(price), await d.Checkout.DefaultRefundAsync(price));
    }
}
