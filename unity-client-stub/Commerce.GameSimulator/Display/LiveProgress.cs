using Commerce.GameSimulator.Options;
using Commerce.GameSimulator.Simulation;
using Spectre.Console;

namespace Commerce.GameSimulator.Display;

/// <summary>A live table of the simulation's counters, refreshed until the run completes.</summary>
public static class LiveProgress
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    public static async Task ShowAsync(SimulatorOptions options, SimulationStats stats, Task run, DateTimeOffset startedAt)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Commerce game simulator[/] → {Markup.Escape(options.Url.ToString())}");
        table.AddColumns("Signed in", "Interests", "Pushes", "Confirmed", "Reconnects", "Errors", "Done", "Elapsed");
        await AnsiConsole.Live(table).AutoClear(false).StartAsync(async context =>
        {
            while (!run.IsCompleted)
            {
                Render(table, options, stats, startedAt);
                context.Refresh();
                await Task.WhenAny(run, Task.Delay(RefreshEvery)); // a display refresh rate, not a wait for a result
            }

            Render(table, options, stats, startedAt);
            context.Refresh();
        });
    }

    private static void Render(Table table, SimulatorOptions options, SimulationStats stats, DateTimeOffset startedAt)
    {
        var expected = options.Players * options.Interests;
        table.Rows.Clear();
        table.AddRow(
            $"{stats.SignedIn} / {options.Players}",
            $"{stats.InterestsSent} / {expected}",
            stats.PushesReceived.ToString(),
            Colour(stats.InterestsConfirmed, expected),
            stats.Reconnects.ToString(),
            stats.Errors == 0 ? "0" : $"[red]{stats.Errors}[/]",
            $"{stats.PlayersDone} / {options.Players}",
            $"{(DateTimeOffset.UtcNow - startedAt).TotalSeconds:0.0} s");
        table.Caption(stats.LastError is { } error ? $"[red]last error:[/] {Markup.Escape(Truncate(error, 120))}" : "");
    }

    private static string Colour(int done, int expected) =>
        done >= expected ? $"[green]{done} / {expected}[/]" : $"{done} / {expected}";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
