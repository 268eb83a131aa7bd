using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;

namespace Commerce.Conversation.Answering;

/// <summary>
/// Reads through the grains (a reader never sees less than a push already told the player); while the cluster cannot
/// reach a grain (a host just died and its grains are moving) it reads what the grain last stored.
/// </summary>
public sealed class GrainChatFactsSource(IGrainFactory grains, IGrainStore store) : IChatFactsSource
{
    public async Task<NftItemState?> ItemAsync(string itemId, CancellationToken ct)
    {
        NftItemState? item;
        try
        {
            item = await grains.GetGrain<INftItemGrain>(itemId).GetStateAsync().WaitAsync(ct);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            var stored = await store.LoadStateAsync(NftItemGrain.TypeName, itemId, ct);
            item = stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.NftItemState);
        }

        return item is { Listed: true } ? item : null;
    }

    public async Task<PlayerSessionState> SessionAsync(string playerId, CancellationToken ct)
    {
        try
        {
            return await grains.GetGrain<IPlayerSessionGrain>(playerId).GetStateAsync().WaitAsync(ct);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            var stored = await store.LoadStateAsync(PlayerSessionGrain.TypeName, playerId, ct);
            return stored is null
                ? PlayerSessionState.New(playerId)
                : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.PlayerSessionState) ?? PlayerSessionState.New(playerId);
        }
    }
}
