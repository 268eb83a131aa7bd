namespace Commerce.Pricing.Windows;

/// <summary>
/// Event times kept sorted in one array. In-order events append; out-of-order ones are inserted by binary search
/// (they are close to the end, so the shift is short). Old times are dropped from the front.
/// </summary>
internal sealed class SortedTicks
{
    private long[] _items = new long[8];
    private int _start;
    private int _count;

    public int Count => _count;

    public void Insert(long ticks)
    {
        if (_start + _count == _items.Length)
        {
            MakeRoom();
        }

        var end = _start + _count;
        if (_count == 0 || _items[end - 1] <= ticks)
        {
            _items[end] = ticks;
        }
        else
        {
            var position = UpperBound(ticks);
            Array.Copy(_items, position, _items, position + 1, end - position);
            _items[position] = ticks;
        }

        _count++;
    }

    /// <summary>Drops every time at or before <paramref name="ticks"/>.</summary>
    public void DropThrough(long ticks)
    {
        var position = UpperBound(ticks);
        _count -= position - _start;
        _start = position;
        if (_count == 0)
        {
            _start = 0;
        }
    }

    /// <summary>How many times lie in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>].</summary>
    public int CountIn(long fromExclusive, long toInclusive) =>
        toInclusive <= fromExclusive ? 0 : UpperBound(toInclusive) - UpperBound(fromExclusive);

    /// <summary>Index of the first time greater than <paramref name="ticks"/>.</summary>
    private int UpperBound(long ticks)
    {
        int low = _start, high = _start + _count;
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (_items[mid] <= ticks)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void MakeRoom()
    {
        if (_start > _items.Length / 2)
        {
            Array.Copy(_items, _start, _items, 0, _count);
        }
        else
        {
            var bigger = new long[_items.Length * 2];
            Array.Copy(_items, _start, bigger, 0, _count);
            _items = bigger;
        }

        _start = 0;
    }
}
