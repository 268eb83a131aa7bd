using Commerce.Events.Offers;
using Commerce.Pricing.Live;

namespace Commerce.Actors.PlayerSession;

/// <summary>Hands live pricing's offers to the player's session grain by an Orleans call (answered once stored).</summary>
public sealed class SessionOfferRecipient(IGrainFactory grains) : IOfferRecipient
{
    public Task DeliverAsync(OfferMade offer, CancellationToken ct) =>
        grains.GetGrain<IPlayerSessionGrain>(offer.PlayerId).ReceiveOfferAsync(offer);
}
