using Commerce.Actors.PlayerSession;

namespace Commerce.Marketing.Rules;

/// <summary>
/// What a targeting rule can read of one player session, and nothing else: the compact projection the CEL variables
/// are built from (<see cref="PlayerContext"/>). Read straight from the stored JSON by <see cref="PlayerFactsReader"/>
/// (the backfill) or taken from a session state (the live stream).
/// </summary>
public sealed record PlayerFacts(
    string PlayerId,
    string Tier,
    double LifetimeValue,
    IReadOnlyList<string> InterestItems,
    long InterestCount,
    double DwellSeconds,
    IReadOnlyList<IntentSeen> Intents,
    long Orders,
    long CompletedOrders,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen)
{
    public const string CompletedStatus = "completed";

    public static PlayerFacts From(PlayerSessionState state)
    {
        var items = new string[state.Interests.Count];
        var dwell = 0.0;
        DateTimeOffset? first = null;
        for (var i = 0; i < items.Length; i++)
        {
            var interest = state.Interests[i];
            items[i] = interest.ItemId;
            dwell += interest.TotalDwellSeconds;
            first = Earlier(first, interest.FirstAt);
        }
        var intents = new IntentSeen[state.ChatIntents.Count];
        for (var i = 0; i < intents.Length; i++)
        {
            intents[i] = new IntentSeen(state.ChatIntents[i].Intent, state.ChatIntents[i].At);
            first = Earlier(first, state.ChatIntents[i].At);
        }
        var completed = 0L;
        foreach (var order in state.Orders)
        {
            completed += order.Status == CompletedStatus ? 1 : 0;
            first = Earlier(first, order.UpdatedAt);
        }
        return new PlayerFacts(state.PlayerId, state.LoyaltyTier, (double)state.LifetimeValue, items, state.InterestCount, dwell,
            intents, state.Orders.Count, completed, first ?? state.LastSeenAt, state.LastSeenAt);
    }

    internal static DateTimeOffset? Earlier(DateTimeOffset? current, DateTimeOffset at) => current is null || at < current ? at : current;

    internal static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset at) => current is { } c && c > at ? c : at;
}
