using Commerce.Events.Offers;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Signing;

namespace Commerce.Pricing.Live;

/// <summary>Signs an offer's quotes and turns it into the <see cref="OfferMade"/> event.</summary>
public static class OfferEvents
{
    /// <summary>
    /// The signed event; items whose currency has no token contract are left out (they could not be paid).
    /// Null when no item is left.
    /// </summary>
    public static OfferMade? Sign(Offer offer, Eip712QuoteSigner signer)
    {
        var items = new List<OfferedItem>(offer.Items.Count);
        foreach (var item in offer.Items)
        {
            if (!signer.CanSign(item.Quote))
                continue;
            items.Add(new OfferedItem(
                item.Rank,
                item.ItemId,
                item.Collection,
                item.Rarity.ToString(),
                item.Price.Currency.Format(item.Price.BaseUnits),
                item.ListPrice.Currency.Format(item.ListPrice.BaseUnits),
                item.Price.Currency.Code,
                item.ExpiresAt,
                [.. item.Factors.Select(f => new OfferFactor(f.Factor.ToString(), f.Amount.Currency.Format(f.Amount.BaseUnits), f.RatePpm))],
                signer.SignToEvent(item.Quote)));
        }

        return items.Count == 0 ? null : new OfferMade(offer.PlayerId, offer.OfferId, offer.PolicyVersion, offer.At, offer.ExpiresAt, items);
    }
}
