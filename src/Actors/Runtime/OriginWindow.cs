namespace Commerce.Actors.Runtime;

/// <summary>
/// What a grain applied of one source partition: everything at or below <see cref="Floor"/>, and the offsets in
/// <see cref="Above"/> (ascending). Offsets at or below the ingress's floor are pruned, so the window holds at most the
/// records of the batches in flight.
/// </summary>
public sealed record OriginWindow(string Epoch, long Floor, IReadOnlyList<long> Above)
{
    public bool Contains(long offset) => offset <= Floor || BinarySearch(offset) >= 0;

    /// <summary>This window with <paramref name="origin"/> applied (the caller checked it was not).</summary>
    public OriginWindow With(Origin origin)
    {
        var floor = Math.Max(Floor, origin.Floor);
        var above = new List<long>(Above.Count + 1);
        foreach (var offset in Above)
        {
            if (offset > floor)
                above.Add(offset);
        }
        var at = above.BinarySearch(origin.Offset);
        if (at < 0)
            above.Insert(~at, origin.Offset);
        return new OriginWindow(Epoch, floor, above);
    }

    private int BinarySearch(long offset)
    {
        int low = 0, high = Above.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var value = Above[mid];
            if (value == offset)
                return mid;
            if (value < offset)
                low = mid + 1;
            else
                high = mid - 1;
        }
        return ~low;
    }
}
