using Commerce.GameSimulator.Options;
using Commerce.GameSimulator.Simulation;
using Spectre.Console;

namespace Commerce.GameSimulator.Display;

/// <summary>The end-of-run report: totals, the distinct failures, and the verdict.</summary>
public static class Summary
{
    private const int MaxFailuresListed = 10;

    public static void Print(SimulatorOptions options, IReadOnlyList<PlayerOutcome> outcomes, SimulationStats stats, TimeSpan elapsed)
    {
        var succeeded = outcomes.Count(o => o.Succeeded);
        var totals = new Table().Border(TableBorder.Simple).HideHeaders().AddColumns("", "");
        totals.AddRow("Players", $"{succeeded} of {outcomes.Count} got a push for every interest");
        totals.AddRow("Interests", $"{outcomes.Sum(o => o.InterestsConfirmed)} of {outcomes.Sum(o => o.InterestsSent)} confirmed "
            + $"({options.Players * options.Interests} planned)");
        totals.AddRow("Pushes received", outcomes.Sum(o => o.PushesReceived).ToString());
        totals.AddRow("Push reconnects", stats.Reconnects.ToString());
        totals.AddRow("Errors", stats.Errors.ToString());
        totals.AddRow("Elapsed", $"{elapsed.TotalSeconds:0.0} s");
        AnsiConsole.Write(totals);

        var failures = outcomes.Where(o => !o.Succeeded).ToList();
        if (failures.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Player", "Wallet", "Sent", "Confirmed", "Why");
            foreach (var failure in failures.Take(MaxFailuresListed))
            {
                table.AddRow(
                    failure.Number.ToString(),
                    Markup.Escape(failure.PlayerId ?? "-"),
                    failure.InterestsSent.ToString(),
                    failure.InterestsConfirmed.ToString(),
                    Markup.Escape(failure.Error ?? "not every interest was confirmed"));
            }

            if (failures.Count > MaxFailuresListed)
            {
                table.Caption($"and {failures.Count - MaxFailuresListed} more");
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLine(failures.Count == 0
            ? "[green bold]PASS[/]: every player received a push for each interest it sent."
            : $"[red bold]FAIL[/]: {failures.Count} player(s) missed pushes or failed.");
    }
}
