using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Targeting;

/// <summary>The console's live "players matching now": the rule over every stored player session.</summary>
public sealed class MatchingPlayers(PlayerScan players)
{
    public const int SampleSize = 10;

    public async Task<MatchPreview> PreviewAsync(CompiledRule rule, CancellationToken ct)
    {
        var matching = 0;
        var total = 0;
        var failed = 0;
        var sample = new List<string>();
        await foreach (var page in players.PagesAsync(rule.Reads, ct))
        {
            var (matches, pageFailed) = RuleEvaluation.Evaluate(rule, page);
            matching += matches.Count;
            failed += pageFailed;
            total += page.Count;
            sample.AddRange(matches.Take(SampleSize - sample.Count));
        }
        return new MatchPreview(matching, total, sample, failed);
    }
}
