using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Payments.Tests;

/// <summary>Fresh GameItem, TestStablecoin and Checkout contracts, the block the Checkout was deployed in, and its quote signer.</summary>
public sealed record Deployment(PaymentsEnvironment Env, GameItemContract Items, TestStablecoinContract Coin, CheckoutContract Checkout,
    Actor Admin, EthPrivateKey QuoteSigner, ulong DeployedAt)
{
    private static long _nextTokenId = 5_000;

    /// <summary>A quote for a new token to <paramref name="buyer"/>, valid for an hour of chain time.</summary>
    public async Task<CheckoutQuote> QuoteAsync(Actor buyer, BigInteger price, ushort installments = 1, EthAddress? currency = null) =>
        new()
        {
            Collection = Items.Address,
            TokenId = Interlocked.Increment(ref _nextTokenId),
            Buyer = buyer.Address,
            Currency = currency ?? EthAddress.Zero,
            Price = price,
            Installments = installments,
            Expiry = await Env.LatestTimestampAsync() + 3600,
            Nonce = CheckoutQuote.NewNonce(),
        };

    public byte[] Sign(CheckoutQuote quote) => quote.Sign(QuoteSigner, Env.ChainId, Checkout.Address).ToBytes();

    /// <summary>The order id the watcher reports a purchase of <paramref name="quote"/> under: its nonce as 0x + 64 lowercase hex.</summary>
    public static string OrderId(CheckoutQuote quote) => "0x" + Convert.ToHexStringLower(quote.Nonce);
}
