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
var outcomes = await run;
Summary.Print(options, outcomes, stats, DateTimeOffset.UtcNow - startedAt);
return outcomes.All(o => o.Succeeded) ? 0 : 1;
