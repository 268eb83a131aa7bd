using System.Numerics;
using Commerce.Chain.Contracts;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>
/// The ERC-20 side of "refunds a recipient cannot block" (contracts/README.md): a token that refuses transfers to a
/// blocklisted buyer cannot block a default or a compensation refund; the refund is credited, claimed elsewhere, once.
/// </summary>
[Collection(nameof(ContractsCollection))]
public class TokenRefundTests(ContractsEnvironment env)
{
    private static readonly BigInteger Price = 100 * TestStablecoinContract.OneToken;

    [Fact]
    public async Task A_blocklisted_buyer_cannot_block_the_default_its_token_refund_is_credited_and_claimed_elsewhere_once()
    {
        var (d, token, buyer, quote) = await PurchaseAsync(installments: 2);
        var plan = await d.Checkout.GetPurchaseAsync(quote.Nonce);
        await env.AdvanceToAsync(plan.StartedAt + ContractsEnvironment.Interval + 1);
        await token.SetBlockedAsync(d.Admin.Sender, buyer.Address, true);
        var before = await token.Coin.BalanceOfAsync(buyer.Address);
        var (refund, penalty) = InstallmentSchedule.DefaultRefund(InstallmentSchedule.DownPayment(Price, 2));

        var receipt = await d.Checkout.DeclareDefaultAsync(d.Operator.Sender, quote.Nonce);

        Assert.Equal(PurchaseStatus.Defaulted, (await d.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        Assert.False(await d.Checkout.InEscrowAsync(d.Items.Address, quote.TokenId));
        Assert.Equal(before, await token.Coin.BalanceOfAsync(buyer.Address));
        Assert.Equal(refund, await d.Checkout.OwedAsync(token.Address, buyer.Address));
        var credited = Assert.Single(d.Checkout.DecodeEvents<CheckoutRefundCredited>(receipt.Logs));
        Assert.Equal((Convert.ToHexString(quote.Nonce), buyer.Address, token.Address, refund),
            (Convert.ToHexString(credited.PurchaseId), credited.Account, credited.Currency, credited.Amount));
        Assert.Equal(penalty, await d.Checkout.RevenueAsync(token.Address));   // the credit is not revenue

        // The operator's way out sends to the buyer only, which the token still refuses: the credit stays.
        await Assert.ThrowsAsync<ContractRevertException>(() => d.Checkout.PayOwedAsync(d.Operator.Sender, buyer.Address, token.Address));
        Assert.Equal(refund, await d.Checkout.OwedAsync(token.Address, buyer.Address));

        // The buyer names another address of its own and takes the credit there, once.
        var elsewhere = await env.NewActorAsync();
        var claimed = await d.Checkout.ClaimAsync(buyer.Sender, token.Address, elsewhere.Address);
        Assert.Equal(refund, await token.Coin.BalanceOfAsync(elsewhere.Address));
        Assert.Equal(BigInteger.Zero, await d.Checkout.OwedAsync(token.Address, buyer.Address));
        var paid = Assert.Single(d.Checkout.DecodeEvents<CheckoutOwedPaid>(claimed.Logs));
        Assert.Equal((buyer.Address, token.Address, elsewhere.Address, refund), (paid.Account, paid.Currency, paid.To, paid.Amount));
        await Reverts.WithAsync("NothingOwed", () => d.Checkout.ClaimAsync(buyer.Sender, token.Address, elsewhere.Address));
    }

    [Fact]
    public async Task A_compensation_refund_in_a_token_the_buyer_is_blocked_from_is_credited_and_paid_out_once_unblocked()
    {
        var (d, token, buyer, quote) = await PurchaseAsync(installments: 1);
        await token.SetBlockedAsync(d.Admin.Sender, buyer.Address, true);

        var receipt = await d.Checkout.RefundAsync(d.Operator.Sender, quote.Nonce);

        Assert.Equal(PurchaseStatus.Refunded, (await d.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        Assert.Equal(Price, Assert.Single(d.Checkout.DecodeEvents<CheckoutRefundCredited>(receipt.Logs)).Amount);
        Assert.Equal(Price, await d.Checkout.OwedAsync(token.Address, buyer.Address));
        Assert.Equal(BigInteger.Zero, await token.Coin.BalanceOfAsync(buyer.Address));

        await token.SetBlockedAsync(d.Admin.Sender, buyer.Address, false);
        await d.Checkout.PayOwedAsync(d.Operator.Sender, buyer.Address, token.Address);
        Assert.Equal(Price, await token.Coin.BalanceOfAsync(buyer.Address));
        await Reverts.WithAsync("NothingOwed", () => d.Checkout.PayOwedAsync(d.Operator.Sender, buyer.Address, token.Address));
    }

    /// <summary>A fresh deployment, a blocklist token owned by its admin, and a buyer who bought a new item with it.</summary>
    private async Task<(Deployment D, TestBlocklistTokenContract Token, Actor Buyer, CheckoutQuote Quote)> PurchaseAsync(ushort installments)
    {
        var d = await env.DeployAsync();
        var token = await TestBlocklistTokenContract.DeployAsync(d.Admin.Sender, env.Eth, d.Admin.Address);
        var buyer = await env.NewActorAsync();
        await token.Coin.MintAsync(d.Admin.Sender, buyer.Address, Price);
        await token.Coin.ApproveAsync(buyer.Sender, d.Checkout.Address, Price);
        var quote = await d.QuoteAsync(buyer, Price, token.Address, installments);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        return (d, token, buyer, quote);
    }
}
