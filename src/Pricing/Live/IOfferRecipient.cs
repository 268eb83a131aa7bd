using Commerce.Events.Offers;

namespace Commerce.Pricing.Live;

/// <summary>
/// Where live pricing hands a signed offer for its player: the player's session, which keeps it and pushes it
/// (<c>SessionOfferRecipient</c> in the grain platform). Returns once the offer is stored there, so pricing commits
/// the interest's offset only after that; a second hand-over of the same offer id changes nothing.
/// </summary>
public interface IOfferRecipient
{
    Task DeliverAsync(OfferMade offer, CancellationToken ct);
}
