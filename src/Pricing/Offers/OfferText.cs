using System.Globalization;
using System.Text;

namespace Commerce.Pricing.Offers;

/// <summary>A canonical, line-per-fact rendering of an offer: equal text means equal offers (replay checks, CLI output).</summary>
public static class OfferText
{
    public static string Format(Offer offer)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"offer {offer.OfferId} player={offer.PlayerId} policy={offer.PolicyVersion} at={offer.At:O} expires={offer.ExpiresAt:O}\n");
        foreach (var item in offer.Items)
        {
            text.Append(CultureInfo.InvariantCulture, $"  #{item.Rank} {item.ItemId} ({item.Collection}, {item.Rarity}) {item.Price} list={item.ListPrice} expires={item.ExpiresAt:O} guardrails={item.Guardrails}\n");
            text.Append(CultureInfo.InvariantCulture, $"     score={item.Score.Total} similarity={item.Score.Similarity} rarity={item.Score.RarityMatch} affordability={item.Score.Affordability} diversity=-{item.Score.DiversityPenalty}\n");
            foreach (var factor in item.Factors)
            {
                text.Append(CultureInfo.InvariantCulture, $"     {factor}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"     quote {item.Quote.QuoteId} {item.Quote.Amount} {item.Quote.Currency} until {item.Quote.ExpiresAt.ToUnixTimeSeconds()}{(item.Signature is { } s ? " signed by " + s.SignerAddress : string.Empty)}\n");
        }

        return text.ToString();
    }
}
