using System.Globalization;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Replay;

/// <summary>
/// <c>what-if --stream FILE --policy A.json --candidate B.json</c>: reprices a recorded stream (JSON lines, see
/// <see cref="PricingInputJson"/>) under both policies and prints the difference. Bad input: one line on the error
/// writer naming the field at fault, exit code 2.
/// </summary>
public static class WhatIfCommand
{
    public const int BadInput = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            var stream = Option(args, "--stream");
            var baseline = LoadPolicy(Option(args, "--policy"), "--policy");
            var candidate = LoadPolicy(Option(args, "--candidate"), "--candidate");
            var currencies = baseline.Collections.Values.Concat(candidate.Collections.Values).Select(c => c.Currency)
                .DistinctBy(c => c.Code).ToDictionary(c => c.Code, StringComparer.Ordinal);
            if (!File.Exists(stream))
                throw new UsageException("--stream", $"{stream} does not exist");
            IReadOnlyList<Inputs.PricingInput> recorded;
            using (var reader = File.OpenText(stream))
                recorded = PricingInputJson.ReadLines(reader, currencies);
            Print(WhatIf.Compare(recorded, baseline, candidate), output);
            return 0;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"what-if: {ex.Field}: {ex.Message}");
        }
        catch (StreamFormatException ex)
        {
            error.WriteLine($"what-if: --stream {ex.Message}");
        }

        return BadInput;
    }

    private static void Print(WhatIfReport report, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"baseline {report.BaselineVersion} -> candidate {report.CandidateVersion}"));
        o.WriteLine(string.Create(c, $"offers {report.Offers}, changed {report.OffersChanged}; items repriced {report.ItemsRepriced}, added {report.ItemsAdded}, removed {report.ItemsRemoved}"));
        o.WriteLine(string.Create(c, $"mean price change {Ppm.Format(report.MeanPriceChangePpm * 100)}%"));
        foreach (var r in report.Revenue)
            o.WriteLine(string.Create(c, $"expected revenue {r.Currency}: {r.Baseline:0.######} -> {r.Candidate:0.######} ({(r.Difference >= 0 ? "+" : "")}{r.Difference:0.######})"));
        foreach (var d in report.Differences)
        {
            o.WriteLine(string.Create(c, $"offer #{d.Index} {d.PlayerId} at {d.At:O}"));
            foreach (var i in d.Items.Where(i => i.Changed))
                o.WriteLine(string.Create(c, $"  {i.ItemId}: {Show(i.Baseline, i.BaselineRank)} -> {Show(i.Candidate, i.CandidateRank)}"));
        }
    }

    private static string Show(Money? price, int? rank) => price is { } p ? $"#{rank} {p}" : "(not offered)";

    private static PricingPolicy LoadPolicy(string path, string flag)
    {
        if (!File.Exists(path))
            throw new UsageException(flag, $"{path} does not exist");
        try
        {
            return PolicyLoader.LoadFile(path);
        }
        catch (PolicyValidationException ex)
        {
            throw new UsageException(flag, $"{path}: {string.Join("; ", ex.Errors)}");
        }
    }

    private static string Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name)
                return i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? args[i + 1]
                    : throw new UsageException(name, "needs a value");
        }

        throw new UsageException(name, "is required (what-if --stream FILE --policy A.json --candidate B.json)");
    }

    private sealed class UsageException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
