using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>Operator compensation refunds (once), treasury withdrawals, releasing held items, and who may do each.</summary>
[Collection(nameof(ContractsCollection))]
public class RefundAndTreasuryTests(ContractsEnvironment env)
{
    private static readonly BigInteger Price = ContractsEnvironment.Ether / 2;

    [Fact]
    public async Task An_operator_refunds_a_completed_purchase_once_and_not_twice()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var before = await env.Eth.GetBalanceAsync(buyer.Address);

        var receipt = await d.Checkout.RefundAsync(d.Operator.Sender, quote.Nonce);

        Assert.Equal(before + Price, await env.Eth.GetBalanceAsync(buyer.Address));
        var refunded = Assert.Single(d.Checkout.DecodeEvents<CheckoutRefunded>(receipt.Logs));
        Assert.Equal(quote.Nonce, refunded.PurchaseId);
        Assert.Equal((buyer.Address, EthAddress.Zero, Price), (refunded.Buyer, refunded.Currency, refunded.Amount));
        Assert.Equal(PurchaseStatus.Refunded, (await d.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        Assert.Equal(BigInteger.Zero, await d.Checkout.RevenueAsync(EthAddress.Zero));

        var again = await Reverts.WithAsync("NotRefundable", () => d.Checkout.RefundAsync(d.Operator.Sender, quote.Nonce));
        Assert.Equal(new BigInteger((int)PurchaseStatus.Refunded), again.ErrorArguments[1]);
        Assert.Equal(before + Price, await env.Eth.GetBalanceAsync(buyer.Address));
        // A refund is compensation: the buyer keeps the item.
        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
    }

    [Fact]
    public async Task A_completed_stablecoin_plan_is_refunded_in_full_in_the_stablecoin()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        BigInteger price = 30_000_000;
        var quote = await d.QuoteAsync(buyer, price, d.Coin.Address, installments: 2);
        await d.FundWithCoinAsync(buyer, price);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));

        var active = await Reverts.WithAsync("NotRefundable", () => d.Checkout.RefundAsync(d.Operator.Sender, quote.Nonce));
        Assert.Equal(new BigInteger((int)PurchaseStatus.Active), active.ErrorArguments[1]);
        await d.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, 0);
        await d.Checkout.RefundAsync(d.Operator.Sender, quote.Nonce);

        Assert.Equal(price, await d.Coin.BalanceOfAsync(buyer.Address));
        Assert.Equal(BigInteger.Zero, await d.Checkout.RevenueAsync(d.Coin.Address));
    }

    [Fact]
    public async Task Refunds_are_for_operators_and_for_known_purchases_only()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));

        var denied = await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Checkout.RefundAsync(buyer.Sender, quote.Nonce));
        Assert.Equal([buyer.Address, ContractRoles.Operator], denied.ErrorArguments);
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Checkout.RefundAsync(d.Admin.Sender, quote.Nonce));
        await Reverts.WithAsync("UnknownPurchase", () => d.Checkout.RefundAsync(d.Operator.Sender, CheckoutQuote.NewNonce()));
    }

    [Fact]
    public async Task A_refund_needs_revenue_the_treasury_has_not_withdrawn()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        await d.Checkout.WithdrawAsync(d.Treasurer.Sender, EthAddress.Zero, d.Treasurer.Address, Price);

        var error = await Reverts.WithAsync("InsufficientRevenue", () => d.Checkout.RefundAsync(d.Operator.Sender, quote.Nonce));
        Assert.Equal([EthAddress.Zero, BigInteger.Zero, Price], error.ErrorArguments);
    }

    [Fact]
    public async Task The_treasurer_withdraws_revenue_but_never_the_money_of_active_plans()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var full = await d.QuoteAsync(buyer, Price);
        await d.Checkout.PurchaseAsync(buyer.Sender, full, d.Sign(full));
        var plan = await d.QuoteAsync(buyer, Price, installments: 4);
        await d.Checkout.PurchaseAsync(buyer.Sender, plan, d.Sign(plan));
        var escrowed = InstallmentSchedule.DownPayment(Price, 4);
        Assert.Equal(Price + escrowed, await env.Eth.GetBalanceAsync(d.Checkout.Address));
        var payee = EthPrivateKey.Generate().Address;

        var denied = await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Checkout.WithdrawAsync(d.Operator.Sender, EthAddress.Zero, payee, 1));
        Assert.Equal([d.Operator.Address, ContractRoles.Treasurer], denied.ErrorArguments);
        var tooMuch = await Reverts.WithAsync("InsufficientRevenue", () => d.Checkout.WithdrawAsync(d.Treasurer.Sender, EthAddress.Zero, payee, Price + 1));
        Assert.Equal([EthAddress.Zero, Price, Price + 1], tooMuch.ErrorArguments);

        var receipt = await d.Checkout.WithdrawAsync(d.Treasurer.Sender, EthAddress.Zero, payee, Price);

        Assert.Equal(Price, await env.Eth.GetBalanceAsync(payee));
        Assert.Equal(escrowed, await env.Eth.GetBalanceAsync(d.Checkout.Address));
        Assert.Equal(BigInteger.Zero, await d.Checkout.RevenueAsync(EthAddress.Zero));
        var withdrawn = Assert.Single(d.Checkout.DecodeEvents<CheckoutWithdrawn>(receipt.Logs));
        Assert.Equal((EthAddress.Zero, payee, Price), (withdrawn.Currency, withdrawn.To, withdrawn.Amount));
        await Reverts.WithAsync("InsufficientRevenue", () => d.Checkout.WithdrawAsync(d.Treasurer.Sender, EthAddress.Zero, payee, 1));
    }

    [Fact]
    public async Task Stablecoin_revenue_is_withdrawn_in_the_stablecoin()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        BigInteger price = 12_340_000;
        var quote = await d.QuoteAsync(buyer, price, d.Coin.Address);
        await d.FundWithCoinAsync(buyer, price);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));

        await d.Checkout.WithdrawAsync(d.Treasurer.Sender, d.Coin.Address, d.Treasurer.Address, price);

        Assert.Equal(price, await d.Coin.BalanceOfAsync(d.Treasurer.Address));
        Assert.Equal(BigInteger.Zero, await d.Coin.BalanceOfAsync(d.Checkout.Address));
    }

    [Fact]
    public async Task An_operator_releases_a_reclaimed_item_and_nobody_else_can()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price, installments: 2);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var plan = await d.Checkout.GetPurchaseAsync(quote.Nonce);
        await env.AdvanceToAsync(plan.StartedAt + ContractsEnvironment.Interval + 1);
        await d.Checkout.DeclareDefaultAsync(d.Operator.Sender, quote.Nonce);
        var vault = EthPrivateKey.Generate().Address;

        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Checkout.ReleaseItemAsync(buyer.Sender, d.Items.Address, quote.TokenId, buyer.Address));
        var receipt = await d.Checkout.ReleaseItemAsync(d.Operator.Sender, d.Items.Address, quote.TokenId, vault);

        Assert.Equal(vault, await d.Items.OwnerOfAsync(quote.TokenId));
        var released = Assert.Single(d.Checkout.DecodeEvents<CheckoutItemReleased>(receipt.Logs));
        Assert.Equal((d.Items.Address, quote.TokenId, vault), (released.Collection, released.TokenId, released.To));
    }
}
