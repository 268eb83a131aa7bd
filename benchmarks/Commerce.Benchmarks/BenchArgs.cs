namespace Commerce.Benchmarks;

/// <summary>The benchmarks' command-line options: "--name value" pairs after the benchmark's name.</summary>
internal static class BenchArgs
{
    /// <summary>The whole number after <paramref name="name"/>, or <paramref name="fallback"/> when it is absent or not a number.</summary>
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
