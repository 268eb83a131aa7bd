namespace Commerce.Pricing.Offers;

public static class OfferSigning
{
    /// <summary>A copy of the offer whose every item carries the signer's signature over its quote.</summary>
    public static async ValueTask<Offer> SignAsync(this Offer offer, IQuoteSigner signer, CancellationToken cancellationToken = default)
    {
        var items = new List<OfferItem>(offer.Items.Count);
        foreach (var item in offer.Items)
        {
            var signature = await signer.SignAsync(item.Quote, cancellationToken).ConfigureAwait(false);
            items.Add(item with { Signature = signature });
        }

        return offer with { Items = items };
    }
}
