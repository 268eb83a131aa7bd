using System.Diagnostics;
using Commerce.Chain.Node;

namespace Commerce.Benchmarks.Chain;

/// <summary>CPU time used by the node and by this process since <see cref="Start"/>: on a shared machine it says who was busy.</summary>
internal sealed class CpuUse(AnvilNode anvil, TimeSpan anvilStart, TimeSpan selfStart)
{
    public static CpuUse Start(AnvilNode anvil) => new(anvil, anvil.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);

    public override string ToString() =>
        $"CPU: node {(anvil.CpuTime - anvilStart).TotalSeconds:0.00} s, this process {(Process.GetCurrentProcess().TotalProcessorTime - selfStart).TotalSeconds:0.00} s";
}
