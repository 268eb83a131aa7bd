namespace Commerce.Actors.Storage;

/// <summary>
/// A grain write named a dedupe key (<see cref="GrainWrite.DedupeKeys"/>) the store already holds for that grain: the
/// effect it stands for was applied before (a deposit credited, a payment recorded). Nothing of the write was stored.
/// </summary>
public sealed class DedupeKeyTakenException(string grainType, string key, IReadOnlyCollection<string> dedupeKeys)
    : Exception($"grain {grainType}/{key} wrote dedupe keys already stored: {string.Join(", ", dedupeKeys)}")
{
    public string GrainType { get; } = grainType;

    public string Key { get; } = key;

    public IReadOnlyCollection<string> DedupeKeys { get; } = dedupeKeys;
}
