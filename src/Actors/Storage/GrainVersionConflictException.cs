namespace Commerce.Actors.Storage;

/// <summary>
/// A conditional grain write (or clear) found another version stored than the one it expected: another activation
/// wrote meanwhile. Nothing of the write was stored. <see cref="Actual"/> is null when there is no row.
/// </summary>
public sealed class GrainVersionConflictException(string grainType, string key, long expected, long? actual)
    : Exception($"grain {grainType}/{key} is stored at version {actual?.ToString() ?? "none"}, the write expected {(expected == 0 ? "no row (0)" : expected.ToString())}")
{
    public string GrainType { get; } = grainType;

    public string Key { get; } = key;

    public long Expected { get; } = expected;

    public long? Actual { get; } = actual;
}
