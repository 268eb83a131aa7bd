using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Recommendations;

namespace Commerce.Pricing.Offers;

/// <summary>One recommended item with its price, expiry and explanation (each factor's contribution and the ranking score).</summary>
public sealed record OfferItem(
    int Rank,
    string ItemId,
    string Collection,
    Rarity Rarity,
    Money Price,
    Money ListPrice,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<FactorContribution> Factors,
    GuardrailFlags Guardrails,
    RecommendationScore Score,
    Quote Quote)
{
    /// <summary>Null until an <see cref="IQuoteSigner"/> signed <see cref="Quote"/>.</summary>
    public QuoteSignature? Signature { get; init; }
}
