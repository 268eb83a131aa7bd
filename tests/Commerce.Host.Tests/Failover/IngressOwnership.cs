using System.Globalization;
using System.Text.RegularExpressions;

namespace Commerce.Host.Tests.Failover;

/// <summary>
/// The partitions one host's consumer groups own, followed from its log: the partitioned consumer writes
/// "Group {group} assigned|revoked|lost {topic}[{partition}],..." on every change (cooperative: assignments add to
/// what the member has, revocations and losses take away).
/// </summary>
internal sealed partial class IngressOwnership
{
    private readonly Dictionary<string, SortedSet<int>> _owned = new(StringComparer.Ordinal);

    public void Apply(string line)
    {
        var match = AssignmentLine().Match(line);
        if (!match.Success)
            return;
        var partitions = PartitionName().Matches(match.Groups["partitions"].Value)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        lock (_owned)
        {
            var group = match.Groups["group"].Value;
            if (!_owned.TryGetValue(group, out var owned))
                _owned[group] = owned = [];
            if (match.Groups["change"].Value == "assigned")
                owned.UnionWith(partitions);
            else
                owned.ExceptWith(partitions);
        }
    }

    /// <summary>The partitions <paramref name="group"/> owns on this host now.</summary>
    public IReadOnlyList<int> Of(string group)
    {
        lock (_owned)
            return _owned.TryGetValue(group, out var owned) ? [.. owned] : [];
    }

    public override string ToString()
    {
        lock (_owned)
            return string.Join("; ", _owned.Select(g => $"{g.Key} [{string.Join(",", g.Value)}]"));
    }

    [GeneratedRegex(@"Group (?<group>\S+) (?<change>assigned|revoked|lost) ?(?<partitions>\S*)")]
    private static partial Regex AssignmentLine();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex PartitionName();
}
