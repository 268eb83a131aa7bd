using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>Paying in full against a signed quote, in ETH and in the stablecoin, and every way a quote is refused.</summary>
[Collection(nameof(ContractsCollection))]
public class PurchaseTests(ContractsEnvironment env)
{
    private static readonly BigInteger Price = ContractsEnvironment.Ether / 4;

    [Fact]
    public async Task Eth_purchase_mints_the_item_to_the_buyer_takes_the_price_and_books_revenue()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        var before = await env.Eth.GetBalanceAsync(buyer.Address);

        var receipt = await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));

        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
        Assert.Equal(before - Price - ContractsEnvironment.GasCost(receipt), await env.Eth.GetBalanceAsync(buyer.Address));
        Assert.Equal(Price, await env.Eth.GetBalanceAsync(d.Checkout.Address));
        Assert.Equal(Price, await d.Checkout.RevenueAsync(EthAddress.Zero));
        var purchased = Assert.Single(d.Checkout.DecodeEvents<CheckoutPurchased>(receipt.Logs));
        Assert.Equal(quote.Nonce, purchased.PurchaseId);
        Assert.Equal((buyer.Address, d.Items.Address, quote.TokenId, EthAddress.Zero, Price, (ushort)1, Price, 0ul),
            (purchased.Buyer, purchased.Collection, purchased.TokenId, purchased.Currency, purchased.Price, purchased.Installments, purchased.AmountPaid, purchased.NextDeadline));
        var mint = Assert.Single(d.Items.DecodeTransfers(receipt.Logs));
        Assert.True(mint.IsMint);
        Assert.Equal(buyer.Address, mint.To);
        var stored = await d.Checkout.GetPurchaseAsync(quote.Nonce);
        Assert.Equal(PurchaseStatus.Completed, stored.Status);
        Assert.Equal(Price, stored.Paid);
        Assert.True(await d.Checkout.IsNonceUsedAsync(quote.Nonce));
        Assert.Equal($"https://items.example/meta/{quote.TokenId}", await d.Items.TokenUriAsync(quote.TokenId));
    }

    [Fact]
    public async Task Stablecoin_purchase_pulls_the_approved_price_and_refuses_without_allowance()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var price = 49_990_000; // 49.99 cUSD
        var quote = await d.QuoteAsync(buyer, price, d.Coin.Address);
        await d.Coin.MintAsync(d.Admin.Sender, buyer.Address, 100 * TestStablecoinContract.OneToken);

        var noAllowance = await Reverts.WithAsync("ERC20InsufficientAllowance", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote)));
        Assert.Equal([d.Checkout.Address, BigInteger.Zero, new BigInteger(price)], noAllowance.ErrorArguments);

        await d.Coin.ApproveAsync(buyer.Sender, d.Checkout.Address, price);
        var receipt = await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));

        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
        Assert.Equal(100 * TestStablecoinContract.OneToken - price, await d.Coin.BalanceOfAsync(buyer.Address));
        Assert.Equal(price, await d.Coin.BalanceOfAsync(d.Checkout.Address));
        Assert.Equal(price, await d.Checkout.RevenueAsync(d.Coin.Address));
        Assert.Equal(BigInteger.Zero, await d.Checkout.RevenueAsync(EthAddress.Zero));
        var paid = Assert.Single(d.Coin.DecodeTransfers(receipt.Logs));
        Assert.Equal((buyer.Address, d.Checkout.Address, new BigInteger(price)), (paid.From, paid.To, paid.Value));
    }

    [Fact]
    public async Task An_item_the_checkout_already_holds_is_transferred_not_minted()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        await d.Items.GrantRoleAsync(d.Admin.Sender, ContractRoles.Minter, d.Admin.Address);
        await d.Items.MintAsync(d.Admin.Sender, d.Checkout.Address, quote.TokenId, "ipfs://pre-minted");

        var receipt = await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));

        var transfer = Assert.Single(d.Items.DecodeTransfers(receipt.Logs));
        Assert.Equal((d.Checkout.Address, buyer.Address), (transfer.From, transfer.To));
        Assert.Equal("ipfs://pre-minted", await d.Items.TokenUriAsync(quote.TokenId));
    }

    [Fact]
    public async Task An_item_someone_else_owns_is_not_for_sale()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var holder = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        await d.Items.GrantRoleAsync(d.Admin.Sender, ContractRoles.Minter, d.Admin.Address);
        await d.Items.MintAsync(d.Admin.Sender, holder.Address, quote.TokenId);

        var error = await Reverts.WithAsync("ItemNotForSale", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote)));
        Assert.Equal(holder.Address, error.ErrorArguments[2]);
        Assert.False(await d.Checkout.IsNonceUsedAsync(quote.Nonce));
    }

    [Fact]
    public async Task An_expired_quote_is_refused()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        await env.AdvanceToAsync(quote.Expiry + 1);

        var error = await Reverts.WithAsync("QuoteExpired", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote)));
        Assert.Equal(new BigInteger(quote.Expiry), error.ErrorArguments[0]);
        Assert.True((BigInteger)error.ErrorArguments[1]! > quote.Expiry);
        Assert.False(await d.Items.ExistsAsync(quote.TokenId));
    }

    [Fact]
    public async Task Paying_a_lower_price_than_the_signed_one_breaks_the_signature()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        var signature = d.Sign(quote);
        var cheaper = quote with { Price = Price / 10 };

        var error = await Reverts.WithAsync("InvalidQuoteSignature", () => d.Checkout.PurchaseAsync(buyer.Sender, cheaper, signature));
        Assert.NotEqual(d.QuoteSigner.Address, error.ErrorArguments[0]);
    }

    [Fact]
    public async Task Sending_the_wrong_amount_is_refused_with_what_was_expected()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);

        var tooLittle = await Reverts.WithAsync("WrongAmount", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote), ethValue: Price - 1));
        Assert.Equal([Price, Price - 1], tooLittle.ErrorArguments);
        var tooMuch = await Reverts.WithAsync("WrongAmount", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote), ethValue: Price + 1));
        Assert.Equal([Price, Price + 1], tooMuch.ErrorArguments);

        var coinQuote = await d.QuoteAsync(buyer, 1_000_000, d.Coin.Address);
        await d.FundWithCoinAsync(buyer, 1_000_000);
        var ethWithToken = await Reverts.WithAsync("WrongAmount", () => d.Checkout.PurchaseAsync(buyer.Sender, coinQuote, d.Sign(coinQuote), ethValue: 5));
        Assert.Equal([BigInteger.Zero, new BigInteger(5)], ethWithToken.ErrorArguments);
    }

    public static TheoryData<string> TamperedFields => new() { "collection", "tokenId", "currency", "price", "installments", "expiry", "nonce" };

    [Theory]
    [MemberData(nameof(TamperedFields))]
    public async Task A_quote_with_any_field_changed_after_signing_is_refused(string field)
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        var signature = d.Sign(quote);
        var tampered = field switch
        {
            "collection" => quote with { Collection = d.Coin.Address },
            "tokenId" => quote with { TokenId = quote.TokenId + 1 },
            "currency" => quote with { Currency = d.Coin.Address },
            "price" => quote with { Price = quote.Price + 1 },
            "installments" => quote with { Installments = 2 },
            "expiry" => quote with { Expiry = quote.Expiry + 86_400 },
            _ => quote with { Nonce = CheckoutQuote.NewNonce() },
        };

        await Reverts.WithAsync("InvalidQuoteSignature", () => d.Checkout.PurchaseAsync(buyer.Sender, tampered, signature, ethValue: Price));
    }

    [Fact]
    public async Task A_quote_signed_by_any_key_but_the_quote_signer_is_refused()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        var impostor = EthPrivateKey.Generate();

        var error = await Reverts.WithAsync("InvalidQuoteSignature", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote, impostor)));
        Assert.Equal(impostor.Address, error.ErrorArguments[0]);
        await Reverts.WithAsync("InvalidQuoteSignature", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, new byte[65]));
        await Reverts.WithAsync("InvalidQuoteSignature", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote)[..64]));
    }

    [Fact]
    public async Task A_quote_is_accepted_once_and_its_replay_refused()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        var otherItem = quote with { TokenId = env.NewTokenId() };

        var replay = await Reverts.WithAsync("QuoteAlreadyUsed", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote)));
        Assert.Equal(quote.Nonce, replay.ErrorArguments[0]);
        // Even a freshly signed quote may not reuse a nonce.
        await Reverts.WithAsync("QuoteAlreadyUsed", () => d.Checkout.PurchaseAsync(buyer.Sender, otherItem, d.Sign(otherItem)));
        Assert.Equal(Price, await env.Eth.GetBalanceAsync(d.Checkout.Address));
    }

    [Fact]
    public async Task Another_buyers_quote_is_refused()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var thief = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price);

        var error = await Reverts.WithAsync("NotQuoteBuyer", () => d.Checkout.PurchaseAsync(thief.Sender, quote, d.Sign(quote)));
        Assert.Equal([buyer.Address, thief.Address], error.ErrorArguments);
        // Rewriting the buyer to oneself breaks the signature instead.
        await Reverts.WithAsync("InvalidQuoteSignature", () => d.Checkout.PurchaseAsync(thief.Sender, quote with { Buyer = thief.Address }, d.Sign(quote)));
        // The rightful buyer can still use it.
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote));
        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public async Task A_signed_quote_with_an_impossible_installment_count_is_refused(int installments)
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, Price, installments: (ushort)installments);

        var error = await Reverts.WithAsync("InvalidInstallments", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote), ethValue: Price));
        Assert.Equal(new BigInteger(installments), error.ErrorArguments[0]);
    }

    [Fact]
    public async Task A_rotated_quote_signer_invalidates_quotes_of_the_old_key()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var stranger = await env.NewActorAsync();
        var newSigner = EthPrivateKey.Generate();
        var quote = await d.QuoteAsync(buyer, Price);

        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => d.Checkout.SetQuoteSignerAsync(stranger.Sender, stranger.Address));
        var receipt = await d.Checkout.SetQuoteSignerAsync(d.Admin.Sender, newSigner.Address);

        var changed = Assert.Single(d.Checkout.DecodeEvents<CheckoutQuoteSignerChanged>(receipt.Logs));
        Assert.Equal((d.QuoteSigner.Address, newSigner.Address), (changed.PreviousSigner, changed.NewSigner));
        await Reverts.WithAsync("InvalidQuoteSignature", () => d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote)));
        await d.Checkout.PurchaseAsync(buyer.Sender, quote, d.Sign(quote, newSigner));
        Assert.Equal(buyer.Address, await d.Items.OwnerOfAsync(quote.TokenId));
    }
}
