using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Messages;
using Nethereum.Contracts;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>A buyer that is a contract: re-entering the Checkout while it pays out is refused, and a refused payout reverts.</summary>
[Collection(nameof(ContractsCollection))]
public class ReentrancyTests(ContractsEnvironment env)
{
    private static readonly BigInteger Price = ContractsEnvironment.Ether;

    [Fact]
    public async Task Reentering_the_checkout_from_a_default_refund_is_refused_and_the_refund_is_paid_once()
    {
        var (d, player, buyer, quote) = await DefaultablePlanAsync();
        await buyer.SetOnEthAsync(player.Sender, TestBuyerContract.OnEth.Reenter, new CheckoutFunctions.DeclareDefault { PurchaseId = quote.Nonce }.GetCallData());
        var before = await env.Eth.GetBalanceAsync(buyer.Address);

        await d.Checkout.DeclareDefaultAsync(d.Operator.Sender, quote.Nonce);

        Assert.Equal(BigInteger.One, await buyer.ReentryAttemptsAsync());
        var reason = RevertReason.Decode(await buyer.LastReentryErrorAsync(), CheckoutErrors.All);
        Assert.Equal("ReentrancyGuardReentrantCall", reason.ErrorName);
        var (refund, _) = InstallmentSchedule.DefaultRefund(InstallmentSchedule.DownPayment(Price, 2));
        Assert.Equal(before + refund, await env.Eth.GetBalanceAsync(buyer.Address));
        Assert.Equal(PurchaseStatus.Defaulted, (await d.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
    }

    [Fact]
    public async Task A_buyer_contract_that_refuses_its_refund_makes_the_default_revert_with_eth_transfer_failed()
    {
        var (d, player, buyer, quote) = await DefaultablePlanAsync();
        await buyer.SetOnEthAsync(player.Sender, TestBuyerContract.OnEth.Reject, []);

        var error = await Reverts.WithAsync("EthTransferFailed", () => d.Checkout.DeclareDefaultAsync(d.Operator.Sender, quote.Nonce));

        var (refund, _) = InstallmentSchedule.DefaultRefund(InstallmentSchedule.DownPayment(Price, 2));
        Assert.Equal([buyer.Address, refund], error.ErrorArguments);
        Assert.Equal(PurchaseStatus.Active, (await d.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
    }

    /// <summary>A TestBuyer holding a 2-payment ETH plan whose first installment deadline has passed.</summary>
    private async Task<(Deployment D, Actor Player, TestBuyerContract Buyer, CheckoutQuote Quote)> DefaultablePlanAsync()
    {
        var d = await env.DeployAsync();
        var player = await env.NewActorAsync();
        var buyer = await TestBuyerContract.DeployAsync(player.Sender, env.Eth, d.Checkout.Address);
        var quote = new CheckoutQuote
        {
            Collection = d.Items.Address,
            TokenId = env.NewTokenId(),
            Buyer = buyer.Address,
            Currency = Chain.Crypto.EthAddress.Zero,
            Price = Price,
            Installments = 2,
            Expiry = await env.LatestTimestampAsync() + 3600,
            Nonce = CheckoutQuote.NewNonce(),
        };
        await buyer.PurchaseAsync(player.Sender, quote, d.Sign(quote), quote.AmountDueAtPurchase);
        Assert.Equal(d.Checkout.Address, await d.Items.OwnerOfAsync(quote.TokenId));
        var plan = await d.Checkout.GetPurchaseAsync(quote.Nonce);
        Assert.Equal(buyer.Address, plan.Buyer);
        await env.AdvanceToAsync(plan.StartedAt + ContractsEnvironment.Interval + 1);
        return (d, player, buyer, quote);
    }
}
