using Commerce.GameSimulator.Display;
using Commerce.GameSimulator.Options;
using Commerce.GameSimulator.Simulation;
using Spectre.Console;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(SimulatorOptions.Usage);
    return 0;
}

SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (ArgumentException e)
{
    AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var stats = new SimulationStats();
var startedAt = DateTimeOffset.UtcNow;
var run = new Simulation(options, stats).RunAsync(cancel.Token);
await LiveProgress.ShowAsync(options, stats, run, startedAt);
SimulationResult result;
try
{
    result = await run;
}
catch (OperationCanceledException)
{
    AnsiConsole.MarkupLine("[yellow]Stopped.[/]");
    return 1;
}
catch (Exception e) when (e is Commerce.Sdk.CommerceApiException or InvalidOperationException or HttpRequestException)
{
    AnsiConsole.MarkupLine($"[red bold]FAIL[/]: the simulation could not start: {Markup.Escape(e.Message)}");
    return 1;
}

Summary.Print(options, result, stats, DateTimeOffset.UtcNow - startedAt);
return result.Succeeded ? 0 : 1;
