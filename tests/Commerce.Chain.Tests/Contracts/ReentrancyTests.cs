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
    public async Task A_buyer_contract_that_refuses_its_refund_cannot_block_the_default_the_refund_is_credited_and_claimable()
    {
        var (d, player, buyer, quote) = await DefaultablePlanAsync();
        await buyer.SetOnEthAsync(player.Sender, TestBuyerContract.OnEth.Reject, []);
        var before = await env.Eth.GetBalanceAsync(buyer.Address);
        var (refund, penalty) = InstallmentSchedule.DefaultRefund(InstallmentSchedule.DownPayment(Price, 2));

        var receipt = await d.Checkout.DeclareDefaultAsync(d.Operator.Sender, quote.Nonce);

        // The plan ends and the item is out of escrow (for sale again) although the buyer refused the money.
        Assert.Equal(PurchaseStatus.Defaulted, (await d.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        Assert.False(await d.Checkout.InEscrowAsync(d.Items.Address, quote.TokenId));
        Assert.Equal(before, await env.Eth.GetBalanceAsync(buyer.Address));
        Assert.Equal(refund, await d.Checkout.OwedAsync(Chain.Crypto.EthAddress.Zero, buyer.Address));
        var credited = Assert.Single(d.Checkout.DecodeEvents<CheckoutRefundCredited>(receipt.Logs));
        Assert.Equal((Convert.ToHexString(quote.Nonce), buyer.Address, refund), (Convert.ToHexString(credited.PurchaseId), credited.Account, credited.Amount));
        // A credit is not revenue: the treasury cannot take it.
        Assert.Equal(penalty, await d.Checkout.RevenueAsync(Chain.Crypto.EthAddress.Zero));

        // The operator's way out sends it to the buyer only; while the buyer refuses, that reverts and the credit stays.
        await Reverts.WithAsync("EthTransferFailed", () => d.Checkout.PayOwedAsync(d.Operator.Sender, buyer.Address, Chain.Crypto.EthAddress.Zero));
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Checkout.PayOwedAsync(player.Sender, buyer.Address, Chain.Crypto.EthAddress.Zero));
        await buyer.SetOnEthAsync(player.Sender, TestBuyerContract.OnEth.Accept, []);
        await d.Checkout.PayOwedAsync(d.Operator.Sender, buyer.Address, Chain.Crypto.EthAddress.Zero);
        Assert.Equal(before + refund, await env.Eth.GetBalanceAsync(buyer.Address));
        Assert.Equal(BigInteger.Zero, await d.Checkout.OwedAsync(Chain.Crypto.EthAddress.Zero, buyer.Address));
        await Reverts.WithAsync("NothingOwed", () => d.Checkout.PayOwedAsync(d.Operator.Sender, buyer.Address, Chain.Crypto.EthAddress.Zero));
    }

    [Fact]
    public async Task A_credited_refund_is_claimed_by_its_owner_to_another_address_once()
    {
        var (d, player, buyer, quote) = await DefaultablePlanAsync();
        await buyer.SetOnEthAsync(player.Sender, TestBuyerContract.OnEth.Reject, []);
        await d.Checkout.DeclareDefaultAsync(d.Operator.Sender, quote.Nonce);
        var (refund, _) = InstallmentSchedule.DefaultRefund(InstallmentSchedule.DownPayment(Price, 2));
        var elsewhere = await env.NewActorAsync();
        var elsewhereBefore = await env.Eth.GetBalanceAsync(elsewhere.Address);

        // Only the owner of a credit claims it (the buyer contract calls claim; anyone else has nothing owed).
        await Reverts.WithAsync("NothingOwed", () => d.Checkout.ClaimAsync(player.Sender, Chain.Crypto.EthAddress.Zero, player.Address));
        await buyer.ClaimAsync(player.Sender, Chain.Crypto.EthAddress.Zero, elsewhere.Address);

        Assert.Equal(elsewhereBefore + refund, await env.Eth.GetBalanceAsync(elsewhere.Address));
        Assert.Equal(BigInteger.Zero, await d.Checkout.OwedAsync(Chain.Crypto.EthAddress.Zero, buyer.Address));
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
