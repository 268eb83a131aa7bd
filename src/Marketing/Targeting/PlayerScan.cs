using System.Runtime.CompilerServices;
using System.Text.Json;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Targeting;

/// <summary>Every player's stored session, page by page, as rule contexts (the backfill, the "matching now" preview).</summary>
public sealed class PlayerScan(IGrainStore store, TimeProvider clock)
{
    public const int PageSize = 5000;

    public async IAsyncEnumerable<IReadOnlyList<PlayerContext>> PagesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var page = await store.ScanStatesAsync(PlayerSessionGrain.TypeName, "", after, PageSize, ct);
            if (page.Count == 0)
                yield break;
            var now = clock.GetUtcNow();
            var contexts = new PlayerContext[page.Count];
            Parallel.For(0, page.Count, i => contexts[i] = ContextOf(page[i].Json, now));
            yield return contexts;
            if (page.Count < PageSize)
                yield break;
            after = page[^1].Key;
        }
    }

    public static PlayerContext ContextOf(string json, DateTimeOffset now) =>
        PlayerContext.Of(JsonSerializer.Deserialize(json, GrainJsonContext.Default.PlayerSessionState)!, now);
}
