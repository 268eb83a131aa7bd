using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Host.Orders;

/// <summary>
/// Turns a platform quote to pay in full into the same quote in N installments (<c>POST /api/me/quotes/installments</c>):
/// same item, buyer, currency, price and expiry; nonce = keccak256(original nonce (32 bytes) || uint16 N big-endian),
/// so asking twice gives the same quote (and RFC 6979 the same signature), and each N its own purchase id.
/// </summary>
public static class InstallmentQuotes
{
    public static byte[] Nonce(ReadOnlySpan<byte> originalNonce, int installments)
    {
        if (originalNonce.Length != 32)
            throw new ArgumentException("the original nonce is 32 bytes", nameof(originalNonce));
        if (installments is < 2 or > InstallmentSchedule.MaxInstallments)
            throw new ArgumentOutOfRangeException(nameof(installments), installments, $"installments: must be 2 to {InstallmentSchedule.MaxInstallments}");
        Span<byte> input = stackalloc byte[34];
        originalNonce.CopyTo(input);
        input[32] = (byte)(installments >> 8);
        input[33] = (byte)installments;
        return Keccak256.Hash(input);
    }

    /// <summary>The installment quote of <paramref name="original"/> and the quote key's signature of it.</summary>
    public static (CheckoutQuote Quote, EthSignature Signature) Derive(CheckoutQuote original, int installments, EthPrivateKey quoteKey, QuoteVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(quoteKey);
        ArgumentNullException.ThrowIfNull(verifier);
        var quote = original with { Installments = (ushort)installments, Nonce = Nonce(original.Nonce, installments) };
        return (quote, quote.Sign(quoteKey, verifier.Domain.ChainId, verifier.Domain.VerifyingContract));
    }
}
