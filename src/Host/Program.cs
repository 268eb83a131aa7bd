using Commerce.Host;
using Commerce.Host.Auth;
using Commerce.Pricing.Replay;

// Verbs: serve (default) runs the platform as configured; demo runs it embedded with the seed
// catalog and prints how to reach it; admin-token prints a staff token (--role) for the configured key;
// what-if --stream FILE --policy A.json --candidate B.json reprices a recorded stream under another policy;
// ledger verify replays the money-and-NFT hash chain (decision D9).
var verb = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "serve";
var rest = args.Where(a => a != verb).ToArray();

switch (verb)
{
    case "serve":
        return await RefusedOr(() => RunAsync(rest, demo: false));
    case "demo":
        return await RefusedOr(() => RunAsync(rest, demo: true));
    case "chain":
        return await Commerce.Execution.Cli.ChainCli.RunAsync(rest, Console.Out, Console.Error);
    case "ledger":
        return await Commerce.Host.Ledger.LedgerCommand.RunAsync(rest, Console.Out, Console.Error);
    case "admin-token":
        WebApplication app;
        try
        {
            app = CommerceApp.Build(rest);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            Console.Error.WriteLine($"commerce: {e.Message}");
            return 1;
        }
        var role = rest.SkipWhile(a => a != "--role").Skip(1).FirstOrDefault() ?? Roles.Admin;
        if (!Roles.Staff.Contains(role))
        {
            Console.Error.WriteLine($"--role: must be one of {string.Join(", ", Roles.Staff)}");
            return 2;
        }
        var issued = app.Services.GetRequiredService<TokenService>().Issue(
            rest.SkipWhile(a => a != "--name").Skip(1).FirstOrDefault() ?? "operator", role);
        Console.WriteLine(issued.Token);
        Console.Error.WriteLine($"expires {issued.ExpiresAt:O}; token id {issued.TokenId} (POST /api/admin/tokens/revoke to revoke it)");
        return 0;
    case "what-if":
        return WhatIfCommand.Run(rest, Console.Out, Console.Error);
    case "reconcile":
        return await Commerce.Host.Reconcile.ReconcileCommand.RunAsync(rest, new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true).AddEnvironmentVariables().Build(), Console.Out, Console.Error);
    default:
        Console.Error.WriteLine($"unknown command '{verb}': use serve, demo, chain, ledger, admin-token or what-if");
        return 2;
}

static async Task RunAsync(string[] args, bool demo)
{
    // The demo runs its own dev chain (Anvil, contracts deployed) unless told otherwise (--Chain:Embedded false).
    await using var app = await CommerceApp.BuildAsync(args, builder =>
    {
        if (demo)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kafka:BootstrapServers"] = "",
                ["Catalog:SeedFile"] = Path.Combine(AppContext.BaseDirectory, "catalog", "demo.json"),
                ["Chain:Embedded"] = builder.Configuration["Chain:Embedded"] ?? "true",
                // The simulator's sniping race bids on this item's auction (--auction-item).
                ["Auctions:Demo:ItemId"] = builder.Configuration["Auctions:Demo:ItemId"] ?? "skins:10",
                // One airdrop campaign among the simulated players (the simulator checks it with --airdrop-cap).
                ["Marketing:Demo:SupplyCap"] = builder.Configuration["Marketing:Demo:SupplyCap"] ?? "8",

                // The demo runs the ingestion connectors against their local simulations (src/Connectors/README.md).
                ["Crm:Mode"] = builder.Configuration["Crm:Mode"] ?? "Local",
                ["MarketplaceMonitoring:Mode"] = builder.Configuration["MarketplaceMonitoring:Mode"] ?? "Local",
                ["MarketplaceMonitoring:Collections:dragons"] = "dragons",
                ["MarketplaceMonitoring:Collections:blades"] = "blades",
                ["MarketplaceMonitoring:Collections:skins"] = "skins",
            });
    });
    if (app.Services.GetService<Commerce.Host.Embedded.DevChain>() is { } chain)
    {
        foreach (var line in chain.Describe())
            Console.WriteLine(line);
    }
    await app.StartAsync();
    // Only the demo hands out an admin token at start; elsewhere operators ask for one (commerce admin-token).
    var adminToken = demo ? app.Services.GetRequiredService<TokenService>().Issue("demo-operator", Roles.Admin).Token : null;
    foreach (var line in StartupBanner.Lines(app.Urls.ToArray(), app.KafkaBootstrap(), adminToken))
        Console.WriteLine(line);
    await app.WaitForShutdownAsync();
}

// A missing or malformed setting (a secret outside the demo, above all) ends the process with its name, not a stack trace.
static async Task<int> RefusedOr(Func<Task> run)
{
    try
    {
        await run();
        return 0;
    }
    catch (Microsoft.Extensions.Options.OptionsValidationException e)
    {
        Console.Error.WriteLine($"commerce: not started: {e.Message}");
        return 1;
    }
}
