using System.Diagnostics;

namespace Commerce.Execution.Benchmarks;

/// <summary>CPU time used by the node and by this process since <see cref="Start"/>: on a shared machine it says who was busy.</summary>
internal sealed class CpuUse(AnvilProcess anvil, TimeSpan anvilStart, TimeSpan selfStart)
{
    public static CpuUse Start(AnvilProcess anvil) => new(anvil, anvil.Cpu, Process.GetCurrentProcess().TotalProcessorTime);

    public override string ToString() =>
        $"CPU: node {(anvil.Cpu - anvilStart).TotalSeconds:0.00} s, this process {(Process.GetCurrentProcess().TotalProcessorTime - selfStart).TotalSeconds:0.00} s";
}
