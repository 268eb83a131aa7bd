using Commerce.GameSimulator.Display;
using Commerce.GameSimulator.Marketplace;
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

// The simulator also plays a marketplace when told to: the platform's signed item.sold callbacks come here.
await using var marketplace = options.MarketplacePort is { } marketplacePort ? DemoMarketplace.Start(marketplacePort, options.MarketplaceSecret!) : null;

var stats = new SimulationStats();
var startedAt = DateTimeOffset.UtcNow;
var run = new Simulation(options, stats).RunAsync(cancel.Token);
// The sniping race on the demo auction runs beside the players.
var race = options.AuctionItem is { } auctionItem ? new Commerce.GameSimulator.Auctions.AuctionRace(options.Url, auctionItem).RunAsync(cancel.Token) : null;
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

MarketplaceReport? report = null;
if (marketplace is not null)
{
    var completed = result.Players.SelectMany(p => p.Orders).Where(o => o.Terminal == Commerce.Sdk.OrderStatuses.Completed).Select(o => o.OrderId).ToList();
    var allTold = await marketplace.WaitForAsync(completed, TimeSpan.FromSeconds(30), cancel.Token);
    report = new MarketplaceReport(marketplace.Received, completed.Count(marketplace.Orders.Contains), completed.Count, marketplace.Refused, allTold);
}

Commerce.GameSimulator.Auctions.AuctionReport? auction = null;
if (race is not null)
{
    try
    {
        auction = await race;
    }
    catch (Exception e) when (e is Commerce.Sdk.CommerceApiException or InvalidOperationException or HttpRequestException)
    {
        auction = new Commerce.GameSimulator.Auctions.AuctionReport(options.AuctionItem!, 0, 0, null, null, "", false, false, false, false, e.Message);
    }
}

Summary.Print(options, result, stats, DateTimeOffset.UtcNow - startedAt, report);
if (auction is not null)
{
    AnsiConsole.MarkupLine($"{(auction.Passed ? "[green]" : "[red]")}{Markup.Escape(auction.Line)}[/]");
    if (!auction.Passed)
        AnsiConsole.MarkupLine("[red bold]FAIL[/]: the auction race did not run as an English auction with anti-sniping should.");
}

return result.Succeeded && result.AirdropsPassed && report?.Passed != false && auction?.Passed != false ? 0 : 1;
