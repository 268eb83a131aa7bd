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
        table.AddColumns("Players", "Interests", "Offers", "Orders", "Payments", "Reminders", "Completed", "Cancelled", "Defaulted", "Refunded",
            "Errors", "Elapsed");
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
        table.Rows.Clear();
        table.AddRow(
            $"{stats.SignedIn} in, {stats.Funded} funded, {stats.PlayersDone} done / {options.Players}",
            $"{stats.InterestsConfirmed} / {stats.InterestsSent}",
            stats.OffersReceived.ToString(),
            stats.Ended >= stats.OrdersPlaced && stats.OrdersPlaced > 0 ? $"[green]{stats.Ended} / {stats.OrdersPlaced}[/]" : $"{stats.Ended} / {stats.OrdersPlaced}",
            stats.PaymentsSent.ToString(),
            stats.Reminders.ToString(),
            stats.Completed.ToString(),
            stats.Cancelled.ToString(),
            stats.Defaulted.ToString(),
            stats.Refunded.ToString(),
            stats.Errors == 0 ? "0" : $"[red]{stats.Errors}[/]",
            $"{(DateTimeOffset.UtcNow - startedAt).TotalSeconds:0.0} s");
        table.Caption(stats.LastError is { } error ? $"[red]last error:[/] {Markup.Escape(Truncate(error, 140))}" : "Orders: ended / placed");
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
