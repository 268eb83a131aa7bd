using Commerce.Actors.PlayerSession;
using Commerce.Events;
using Commerce.Events.Player;

namespace Commerce.Marketing.Targeting;

/// <summary>
/// The live stream is read beside the player session's own ingress, so a record may be seen before the session stored
/// it. The record's own facts are laid over the stored state, in ways that are harmless when the session already had
/// them (a tier set again, an interest or an intent already listed), so the rule sees at least what the record says.
/// </summary>
public static class LiveContextOverlay
{
    public static PlayerSessionState Apply(PlayerSessionState state, IEvent fact, DateTimeOffset at) => fact switch
    {
        LoyaltyUpdated l => state with { LoyaltyTier = l.Tier, LifetimeValue = l.LifetimeValue },
        InterestShown i when state.Interests.All(x => x.ItemId != i.ItemId) =>
            state with { Interests = [new ItemInterest(i.ItemId, 1, i.DwellSeconds, at, at), .. state.Interests], LastSeenAt = Later(state.LastSeenAt, at) },
        ChatIntentDetected c when state.ChatIntents.All(x => x.Intent != c.Intent || x.At != at) =>
            state with { ChatIntents = [new ChatIntent(c.ItemId, c.Intent, c.Sentiment, at), .. state.ChatIntents], LastSeenAt = Later(state.LastSeenAt, at) },
        _ => state,
    };

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
