using System.Collections.Concurrent;
using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Targeting;

/// <summary>Evaluates a rule over the players of a page on every core (a rule is side-effect free and thread-safe).</summary>
public static class RuleEvaluation
{
    public static (List<string> Matches, int Failed) Evaluate(CompiledRule rule, IReadOnlyList<PlayerContext> players)
    {
        var matches = new ConcurrentBag<(int, string)>();
        var failed = 0;
        Parallel.ForEach(Partitioner.Create(0, players.Count, 512), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                switch (rule.Evaluate(players[i]))
                {
                    case RuleOutcome.Matched:
                        matches.Add((i, players[i].Wallet));
                        break;
                    case RuleOutcome.Failed:
                        Interlocked.Increment(ref failed);
                        break;
                }
            }
        });
        return ([.. matches.OrderBy(m => m.Item1).Select(m => m.Item2)], failed);
    }
}
