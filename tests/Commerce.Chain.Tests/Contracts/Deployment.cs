using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>One fresh set of contracts and the platform accounts around them.</summary>
public sealed record Deployment(
    ContractsEnvironment Env,
    GameItemContract Items,
    TestStablecoinContract Coin,
    CheckoutContract Checkout,
    Actor Admin,
    Actor Operator,
    Actor Treasurer,
    EthPrivateKey QuoteSigner)
{
    /// <summary>A quote for a new token id to <paramref name="buyer"/>, valid for an hour of chain time.</summary>
    public async Task<CheckoutQuote> QuoteAsync(Actor buyer, BigInteger price, EthAddress? currency = null, ushort installments = 1, BigInteger? tokenId = null) =>
        new()
        {
            Collection = Items.Address,
            TokenId = tokenId ?? Env.NewTokenId(),
            Buyer = buyer.Address,
            Currency = currency ?? EthAddress.Zero,
            Price = price,
            Installments = installments,
            Expiry = await Env.LatestTimestampAsync() + 3600,
            Nonce = CheckoutQuote.NewNonce(),
        };

    /// <summary>The platform's signature of <paramref name="quote"/> (or another key's).</summary>
    public byte[] Sign(CheckoutQuote quote, EthPrivateKey? signer = null) =>
        quote.Sign(signer ?? QuoteSigner, Env.ChainId, Checkout.Address).ToBytes();

    /// <summary>Mints stablecoin to <paramref name="buyer"/> and approves the Checkout for it.</summary>
    public async Task FundWithCoinAsync(Actor buyer, BigInteger amount, BigInteger? approve = null)
    {
        await Coin.MintAsync(Admin.Sender, buyer.Address, amount);
        await Coin.ApproveAsync(buyer.Sender, Checkout.Address, approve ?? amount);
    }
}
