using System.Runtime.CompilerServices;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Storage;
using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Targeting;

/// <summary>
/// Every player's stored session, page by page, as rule contexts (the backfill, the "matching now" preview): the next
/// page is read from the store while the caller evaluates this one; each session's JSON is read into
/// <see cref="PlayerFacts"/> (no session object) and only the variables asked for are built, on every core.
/// </summary>
public sealed class PlayerScan(IGrainStore store, TimeProvider clock)
{
    public const int PageSize = 5000;

    public async IAsyncEnumerable<IReadOnlyList<PlayerContext>> PagesAsync(VariableSet needed, [EnumeratorCancellation] CancellationToken ct)
    {
        var next = ReadAsync(null, ct);
        try
        {
            while (true)
            {
                var page = await next;
                if (page.Count == 0)
                    yield break;
                var more = page.Count == PageSize;
                if (more)
                    next = ReadAsync(page[^1].Key, ct);
                var now = clock.GetUtcNow();
                var contexts = new PlayerContext[page.Count];
                Parallel.For(0, page.Count, i => contexts[i] = ContextOf(page[i].Json, now, needed));
                yield return contexts;
                if (!more)
                    yield break;
            }
        }
        finally
        {
            // A caller that stops early leaves a read in flight: its failure is observed here, not left unobserved.
            _ = next.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    public static PlayerContext ContextOf(string json, DateTimeOffset now, VariableSet needed) =>
        PlayerContext.Of(PlayerFactsReader.Read(json), now, needed);

    /// <summary>A page read on the pool: SQLite's reader works synchronously, so this is what lets it overlap the evaluation.</summary>
    private Task<IReadOnlyList<StoredState>> ReadAsync(string? after, CancellationToken ct) =>
        Task.Run(() => store.ScanStatesAsync(PlayerSessionGrain.TypeName, "", after, PageSize, ct), ct);
}
