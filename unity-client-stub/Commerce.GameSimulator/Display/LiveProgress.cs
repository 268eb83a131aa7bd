using Commerce.GameSimulator.Options;
using Commerce.GameSimulator.Simulation;
using Spectre.Console;

namespace Commerce.GameSimulator.Display;

/// <summary>A live table of the simulation's counters (one row each, so it fits a narrow terminal), refreshed until the run completes.</summary>
public static class LiveProgress
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    public static async Task ShowAsync(SimulatorOptions options, SimulationStats stats, Task run, DateTimeOffset startedAt)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Commerce game simulator[/] → {Markup.Escape(options.Url.ToString())}");
        table.AddColumns("", "");
        table.HideHeaders();
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
        var ended = stats.Ended;
        var placed = stats.OrdersPlaced;
        table.Rows.Clear();
        table.AddRow("Players", $"{stats.SignedIn} signed in, {stats.Funded} funded by the faucet, {stats.PlayersDone} done (of {options.Players})");
        table.AddRow("Interests", $"{stats.InterestsSent} sent, {stats.InterestsConfirmed} confirmed by a push");
        table.AddRow("Offers", $"{stats.OffersReceived} received");
        table.AddRow("Orders", (ended >= placed && placed > 0 ? "[green]" : "[white]")
            + $"{ended} of {placed} ended[/]: {stats.Completed} completed, {stats.Cancelled} cancelled, {stats.Defaulted} defaulted, {stats.Refunded} refunded");
        table.AddRow("Payments", $"{stats.PaymentsSent} signed transactions sent, {stats.Reminders} installment reminders");
        table.AddRow("Pushes", $"{stats.PushesReceived} received, {stats.Reconnects} reconnects");
        table.AddRow("Errors", stats.Errors == 0 ? "0" : $"[red]{stats.Errors}[/]: {Markup.Escape(Truncate(stats.LastError ?? "", 100))}");
        table.AddRow("Elapsed", $"{(DateTimeOffset.UtcNow - startedAt).TotalSeconds:0.0} s");
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
