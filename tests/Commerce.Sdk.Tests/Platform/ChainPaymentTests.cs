using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Sdk.Tests.Support;

namespace Commerce.Sdk.Tests.Platform;

/// <summary>
/// Paying through the SDK against the real platform and its dev chain: chain info, the faucet, installment quotes,
/// payment steps signed and sent by the player's own wallet, the order completed by pushes, the NFT owned on chain.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ChainPaymentTests(HostFixture platform)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task Chain_info_is_anonymous_and_names_the_dev_chain_and_the_faucet_funds_the_wallet()
    {
        using var anonymous = platform.NewClient();
        var chain = await anonymous.GetChainInfoAsync();

        Assert.Equal(31337, chain.ChainId);
        Assert.NotNull(chain.RpcUrl);
        Assert.Matches("^0x[0-9a-fA-F]{40}$", chain.Checkout);
        Assert.NotEqual(SignedQuote.EthCurrency, chain.Checkout);
        Assert.Equal(20, chain.InstallmentIntervalSeconds);
        Assert.Equal((SignedQuote.EthCurrency, 18), (chain.Currencies["ETH"].Token, chain.Currencies["ETH"].Decimals));
        Assert.Equal(6, chain.Currencies["usdc"].Decimals);
        Assert.Equal(["blades", "dragons", "skins"], chain.Collections.Keys.Order());
        Assert.Throws<InvalidOperationException>(() => anonymous.RequestFaucetAsync().GetAwaiter().GetResult());

        await using var player = await PlayerSession.StartAsync(platform);
        var funded = await player.Client.RequestFaucetAsync();

        Assert.Equal(player.Wallet.Address.ToLowerInvariant(), funded.Wallet.ToLowerInvariant());
        Assert.True(BigInteger.Parse(funded.Eth, CultureInfo.InvariantCulture) >= 100 * Ether, $"eth {funded.Eth}");
        Assert.True(BigInteger.Parse(funded.Usdc, CultureInfo.InvariantCulture) >= 1_000_000 * BigInteger.Pow(10, 6), $"usdc {funded.Usdc}");
        using var wallet = new StepSender(chain.RpcUrl!, player.Wallet.Key, (ulong)chain.ChainId);
        Assert.True(await wallet.Eth.GetBalanceAsync(player.Wallet.Key.Address) >= 100 * Ether, "the wallet should hold at least 100 ETH on chain");
    }

    [Fact]
    public async Task An_eth_order_is_paid_with_the_returned_step_completes_once_and_its_nft_is_owned_on_chain()
    {
        await using var player = await PlayerSession.StartAsync(platform);
        var chain = await player.Client.GetChainInfoAsync();
        await player.Client.RequestFaucetAsync();
        var offered = await player.OfferedAsync("dragons:4");
        var placement = await player.Client.PlaceOrderAsync(offered, PaymentKinds.Eth);
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Reserved);

        var payment = await player.Client.GetPaymentAsync(placement.OrderId);

        var step = Assert.Single(payment.Steps);
        Assert.Equal(chain.Checkout.ToLowerInvariant(), step.To.ToLowerInvariant());
        Assert.Equal((offered.Quote.Price, offered.Quote.Price), (step.Value, payment.Due));
        Assert.NotNull(payment.Deadline);
        using var wallet = new StepSender(chain.RpcUrl!, player.Wallet.Key, (ulong)chain.ChainId);
        Assert.All(await wallet.SendAsync(payment.Steps), r => Assert.True(r.Succeeded));

        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Completed);
        var statuses = player.StatusesOf(placement.OrderId);
        Assert.Equal(OrderStatuses.Completed, statuses[^1]);
        Assert.Single(statuses, OrderStatuses.IsTerminal);
        Assert.Empty((await player.Client.GetPaymentAsync(placement.OrderId)).Steps);
        var order = await player.Client.GetOrderAsync(placement.OrderId);
        Assert.Equal((OrderStatuses.Completed, true), (order.Status, order.Terminal));
        Assert.Contains(order.Payments, p => p.Confirmed && p.Kind == "Purchased");
        var owned = Assert.Single(await player.Client.GetOwnedNftsAsync(), n => n.ItemId == "dragons:4");
        Assert.Equal((placement.OrderId, "4", "dragons"), (owned.OrderId, owned.TokenId, owned.Collection));
        var onChain = await new GameItemContract(wallet.Eth, EthAddress.Parse(chain.Collections["dragons"])).OwnerOfAsync(4);
        Assert.Equal(player.Wallet.Key.Address, onChain);
    }

    [Fact]
    public async Task A_stablecoin_order_approves_then_purchases_and_completes()
    {
        await using var player = await PlayerSession.StartAsync(platform);
        var chain = await player.Client.GetChainInfoAsync();
        await player.Client.RequestFaucetAsync();
        var offered = await player.OfferedAsync("blades:5");
        Assert.Equal(chain.Currencies["USDC"].Token.ToLowerInvariant(), offered.Quote.Currency.ToLowerInvariant());
        var placement = await player.Client.PlaceOrderAsync(offered, PaymentKinds.Stablecoin);
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Reserved);

        var payment = await player.Client.GetPaymentAsync(placement.OrderId);

        Assert.Equal(2, payment.Steps.Count);
        Assert.Equal(chain.Currencies["USDC"].Token.ToLowerInvariant(), payment.Steps[0].To.ToLowerInvariant());
        Assert.Contains("approve", payment.Steps[0].Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(("0", "0"), (payment.Steps[0].Value, payment.Steps[1].Value));
        using var wallet = new StepSender(chain.RpcUrl!, player.Wallet.Key, (ulong)chain.ChainId);
        await wallet.SendAsync(payment.Steps);
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Completed);
        Assert.Contains(await player.Client.GetOwnedNftsAsync(), n => n.ItemId == "blades:5" && n.OrderId == placement.OrderId);
    }

    [Fact]
    public async Task An_installments_quote_keeps_item_price_and_expiry_is_deterministic_and_refuses_a_tampered_quote_naming_the_field()
    {
        await using var player = await PlayerSession.StartAsync(platform);
        var offered = await player.OfferedAsync("dragons:8");
        var full = offered.Quote;

        var plan = await player.Client.QuoteInstallmentsAsync(full, 3);
        var again = await player.Client.QuoteInstallmentsAsync(full, 3);

        Assert.Equal((full.Collection, full.TokenId, full.Buyer, full.Currency, full.Price, full.Expiry),
            (plan.Collection, plan.TokenId, plan.Buyer, plan.Currency, plan.Price, plan.Expiry));
        Assert.Equal(3, plan.Installments);
        Assert.NotEqual(full.Nonce, plan.Nonce);
        Assert.Equal((plan.Nonce, plan.Signature), (again.Nonce, again.Signature));
        var tampered = new SignedQuote(full.Collection, full.TokenId, full.Buyer, full.Currency, "1000", 1, full.Expiry, full.Nonce, full.Signature);
        var refused = await Assert.ThrowsAsync<CommerceApiException>(() => player.Client.QuoteInstallmentsAsync(tampered, 3));
        Assert.Equal(CommerceErrorKind.Validation, refused.Kind);
        Assert.True(refused.Errors.ContainsKey("signature"), refused.Message);
        var fromPlan = await Assert.ThrowsAsync<CommerceApiException>(() => player.Client.QuoteInstallmentsAsync(plan, 2));
        Assert.True(fromPlan.Errors.ContainsKey("quote.installments"), fromPlan.Message);

        var placement = await player.Client.PlaceOrderAsync(offered.ItemId, plan, PaymentKinds.Installments);
        Assert.Equal(plan.Nonce, placement.OrderId);
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Reserved);
        var payment = await player.Client.GetPaymentAsync(placement.OrderId);
        var price = BigInteger.Parse(full.Price, CultureInfo.InvariantCulture);
        Assert.Equal((price - (2 * (price / 3))).ToString(CultureInfo.InvariantCulture), payment.Due); // the down payment (contracts/README.md)
    }

    [Fact]
    public async Task An_installment_plan_is_paid_down_then_on_its_reminder_push_and_completes_with_the_nft_released()
    {
        await using var player = await PlayerSession.StartAsync(platform);
        var chain = await player.Client.GetChainInfoAsync();
        await player.Client.RequestFaucetAsync();
        var offered = await player.OfferedAsync("dragons:9");
        var plan = await player.Client.QuoteInstallmentsAsync(offered.Quote, 2);
        var placement = await player.Client.PlaceOrderAsync(offered.ItemId, plan, PaymentKinds.Installments);
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Reserved);
        using var wallet = new StepSender(chain.RpcUrl!, player.Wallet.Key, (ulong)chain.ChainId);
        await wallet.SendAsync((await player.Client.GetPaymentAsync(placement.OrderId)).Steps);
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.PlanActive);

        var reminders = await player.OrderUpdates.WaitForAsync(u => u.Any(x => x.OrderId == placement.OrderId && x.IsInstallmentReminder),
            "an installment reminder push", TimeSpan.FromSeconds(60), seen => string.Join(", ", seen.Select(x => x.ToString())));

        Assert.StartsWith(OrderUpdate.InstallmentDuePrefix, reminders.Last(x => x.IsInstallmentReminder).Detail);
        var due = await player.Client.GetPaymentAsync(placement.OrderId);
        Assert.Equal(OrderStatuses.PlanActive, due.Status);
        Assert.True(due.DeadlineAt > DateTimeOffset.UtcNow.AddSeconds(-2), $"the next deadline {due.DeadlineAt:O} should not have passed");
        var price = BigInteger.Parse(plan.Price, CultureInfo.InvariantCulture);
        Assert.Equal((price / 2).ToString(CultureInfo.InvariantCulture), due.Due);
        Assert.Equal(due.Due, Assert.Single(due.Steps).Value);
        await wallet.SendAsync(due.Steps);
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Completed);
        Assert.Single(player.StatusesOf(placement.OrderId), OrderStatuses.IsTerminal);
        Assert.Contains(await player.Client.GetOwnedNftsAsync(), n => n.ItemId == "dragons:9" && n.OrderId == placement.OrderId);
    }
}
