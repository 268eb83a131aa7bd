using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Commerce.Benchmarks;

/// <summary>
/// Which types a phase allocates, from the runtime's own sampling: the GC raises an AllocationTick event about every
/// 100 KB allocated, naming the type of the object that crossed the mark and the bytes since the previous tick. Summed
/// per type over a phase this attributes the allocated bytes statistically (types allocated often and large dominate).
/// In process, no tracing tool needed; turned on by a benchmark's <c>--alloc</c> flag because the verbose GC events cost
/// a little CPU themselves.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start()
    {
        _bytesByType.Clear();
        _recording = true;
    }

    /// <summary>Stops sampling and answers the <paramref name="top"/> types by sampled bytes, largest first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Stop(int top)
    {
        _recording = false;
        return [.. _bytesByType.OrderByDescending(p => p.Value).Take(top).Select(p => (p.Key, p.Value))];
    }

    public static void Print(IReadOnlyList<(string Type, long Bytes)> sample, long events)
    {
        var total = sample.Sum(s => s.Bytes);
        Console.WriteLine($"  allocations by type (sampled, top {sample.Count}; bytes per event):");
        foreach (var (type, bytes) in sample)
            Console.WriteLine($"  {bytes / (double)events,9:F0} B  {type}");
        Console.WriteLine($"  {total / (double)events,9:F0} B  in these types");
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventId != AllocationTickEventId || e.PayloadNames is null)
            return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload![t] as string : null;
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload![a]) : 0;
        _bytesByType.AddOrUpdate(type ?? "?", amount, (_, sum) => sum + amount);
    }
}
