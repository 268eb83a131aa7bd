using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;

namespace Commerce.Conversation.Answering;

/// <summary>Where the chat reads live state: the item grains and the asking player's own session grain.</summary>
public interface IChatFactsSource
{
    /// <summary>The item's state; null when it was never listed or is not listed now.</summary>
    Task<NftItemState?> ItemAsync(string itemId, CancellationToken ct);

    Task<PlayerSessionState> SessionAsync(string playerId, CancellationToken ct);
}
