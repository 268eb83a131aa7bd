namespace Commerce.Pricing.Offers;

/// <summary>Signs quotes with the platform's quote key (EIP-712 typed data); implemented outside Pricing.</summary>
public interface IQuoteSigner
{
    ValueTask<QuoteSignature> SignAsync(Quote quote, CancellationToken cancellationToken = default);
}
