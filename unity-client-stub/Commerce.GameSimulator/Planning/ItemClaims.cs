using System.Collections.Concurrent;

namespace Commerce.GameSimulator.Planning;

/// <summary>Which item each buyer goes for, so two buyers collide only when they race on purpose.</summary>
public sealed class ItemClaims
{
    private readonly ConcurrentDictionary<string, bool> _claimed = new(StringComparer.Ordinal);

    public bool TryClaim(string itemId) => _claimed.TryAdd(itemId, true);
}
