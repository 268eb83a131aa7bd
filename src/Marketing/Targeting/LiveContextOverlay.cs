using Commerce.Events;
using Commerce.Events.Player;
using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Targeting;

/// <summary>
/// The live stream is read beside the player session's own ingress, so a record may be seen before the session stored
/// it. The record's own facts are laid over the stored session's <see cref="PlayerFacts"/>, in ways that are harmless
/// when the session already had them (a tier set again, an interest or an intent already listed), so the rule sees at
/// least what the record says.
/// </summary>
public static class LiveContextOverlay
{
    public static PlayerFacts Apply(PlayerFacts facts, IEvent fact, DateTimeOffset at) => fact switch
    {
        LoyaltyUpdated l => facts with { Tier = l.Tier, LifetimeValue = (double)l.LifetimeValue },
        InterestShown i when !facts.InterestItems.Contains(i.ItemId) => facts with
        {
            InterestItems = [i.ItemId, .. facts.InterestItems],
            DwellSeconds = facts.DwellSeconds + i.DwellSeconds,
            FirstSeen = PlayerFacts.Earlier(facts.FirstSeen, at),
            LastSeen = PlayerFacts.Later(facts.LastSeen, at),
        },
        ChatIntentDetected c when !facts.Intents.Contains(new IntentSeen(c.Intent, at)) => facts with
        {
            Intents = [new IntentSeen(c.Intent, at), .. facts.Intents],
            FirstSeen = PlayerFacts.Earlier(facts.FirstSeen, at),
            LastSeen = PlayerFacts.Later(facts.LastSeen, at),
        },
        _ => facts,
    };
}
