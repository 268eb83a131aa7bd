using System.Globalization;
using System.Text.Json;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Orleans.Storage;

namespace Commerce.Actors.Runtime;

/// <summary>
/// Orleans grain storage over the platform's store (decision D3: SQLite embedded, PostgreSQL scaled out). A grain's
/// state is one row of <c>grain_state</c> (JSON, as the API and <c>commerce reconcile</c> read it) with its applied
/// Kafka origins; each write also stores the effects the grain gathered (outbox, ledger, journal) in the same
/// transaction. The ETag is the row's version: a write made against a stale version (a second activation somewhere)
/// fails whole with <see cref="InconsistentStateException"/>. States are JSON through <see cref="GrainJsonContext"/>, or
/// a <see cref="GrainStateJson"/> registered by the assembly that defines the grain.
/// </summary>
public sealed class CommerceGrainStorage(IGrainStore store, OutboxSignal outboxSignal, IEnumerable<GrainStateJson> moreStates) : IGrainStorage
{
    private readonly GrainStateJson[] _moreStates = moreStates.ToArray();

    public const string Name = "commerce";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var document = DocumentOf(grainState);
        var (type, key) = IdentityOf(document, grainId);
        document.DedupeKeyLookup ??= keys => store.LoadDedupeKeysAsync(type, key, keys, CancellationToken.None);
        var stored = await store.LoadStateAsync(type, key, CancellationToken.None);
        if (stored is null)
        {
            document.StateObject = null;
            document.Origins = new AppliedOrigins();
            document.Reminders = new(StringComparer.Ordinal);
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        document.StateObject = JsonSerializer.Deserialize(stored.Json, StateJson(document.StateType));
        var runtime = stored.Origins is { } json ? JsonSerializer.Deserialize(json, GrainJsonContext.Default.GrainRuntimeRecord) : null;
        document.Origins = runtime is null ? new AppliedOrigins() : new AppliedOrigins(runtime.Origins, runtime.RecentEvents);
        document.Reminders = runtime is null ? new(StringComparer.Ordinal) : new(runtime.Reminders, StringComparer.Ordinal);
        grainState.ETag = stored.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Everything the write stores is taken before the first await: a reentrant grain may change its state again
        // while this write is under way, and those changes belong to the next write.
        var document = DocumentOf(grainState);
        var expected = ExpectedVersion(grainState.ETag);
        var effects = document.TakeEffects();
        var (type, key) = IdentityOf(document, grainId);
        var write = new GrainWrite(type, key, expected,
            JsonSerializer.Serialize(document.StateObject, StateJson(document.StateType)),
            JsonSerializer.Serialize(new GrainRuntimeRecord(document.Origins.Windows, document.Reminders, document.Origins.RecentEvents), GrainJsonContext.Default.GrainRuntimeRecord),
            effects.Outbox, effects.Ledger, effects.Journal, document.JournalLength, effects.DedupeKeys);
        long version;
        try
        {
            version = await store.WriteGrainAsync(write, CancellationToken.None);
        }
        catch (GrainVersionConflictException ex)
        {
            document.ReturnEffects(effects);
            throw new InconsistentStateException(ex.Message, ex.Actual?.ToString(CultureInfo.InvariantCulture) ?? "none", grainState.ETag ?? "none");
        }
        catch (DedupeKeyTakenException ex)
        {
            // The effect was applied before (this activation's memory missed it): the next message reloads the stored state.
            throw new InconsistentStateException(ex.Message, grainState.ETag ?? "none", grainState.ETag ?? "none");
        }
        catch
        {
            // Nothing was stored, but the state in memory keeps the changes: a write coalesced after this one stores
            // them, and must store their effects with them.
            document.ReturnEffects(effects);
            throw;
        }
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        if (effects.Outbox.Count > 0)
            outboxSignal.Notify();
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is null)
            return;
        var (type, key) = IdentityOf(DocumentOf(grainState), grainId);
        await store.ClearGrainAsync(type, key, ExpectedVersion(grainState.ETag), CancellationToken.None);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static IGrainDocument DocumentOf<T>(IGrainState<T> grainState) =>
        grainState.State as IGrainDocument
        ?? throw new InvalidOperationException($"the {Name} storage keeps GrainDocument states, not {typeof(T).Name}");

    /// <summary>The grain's type and key as strings, formatted once per activation (Orleans keeps them as bytes).</summary>
    private static (string Type, string Key) IdentityOf(IGrainDocument document, GrainId grainId) =>
        document.StoreIdentity ??= (grainId.Type.ToString()!, grainId.Key.ToString()!);

    private static long ExpectedVersion(string? etag) =>
        etag is null ? 0 : long.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);

    private System.Text.Json.Serialization.Metadata.JsonTypeInfo StateJson(Type stateType) =>
        GrainJsonContext.Default.GetTypeInfo(stateType)
        ?? _moreStates.Select(j => j.Find(stateType)).FirstOrDefault(t => t is not null)
        ?? throw new InvalidOperationException($"{stateType.Name} is not in {nameof(GrainJsonContext)} nor in a registered {nameof(GrainStateJson)}");
}
