namespace Commerce.Pricing.Windows;

/// <summary>A ring-buffer deque of (time, price) used for sliding-window minimum and maximum.</summary>
internal sealed class PriceDeque
{
    private long[] _ticks = new long[4];
    private Int128[] _prices = new Int128[4];
    private int _head;
    private int _count;

    public int Count => _count;

    public long FrontTicks => _ticks[_head];

    public Int128 FrontPrice => _prices[_head];

    public Int128 BackPrice => _prices[(_head + _count - 1) % _prices.Length];

    public void PushBack(long ticks, Int128 price)
    {
        if (_count == _prices.Length)
        {
            Grow();
        }

        var index = (_head + _count) % _prices.Length;
        _ticks[index] = ticks;
        _prices[index] = price;
        _count++;
    }

    public void PopBack() => _count--;

    public void PopFront()
    {
        _head = (_head + 1) % _prices.Length;
        _count--;
    }

    private void Grow()
    {
        var ticks = new long[_ticks.Length * 2];
        var prices = new Int128[_prices.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            ticks[i] = _ticks[(_head + i) % _ticks.Length];
            prices[i] = _prices[(_head + i) % _prices.Length];
        }

        _ticks = ticks;
        _prices = prices;
        _head = 0;
    }
}
