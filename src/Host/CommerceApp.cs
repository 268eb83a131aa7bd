using Commerce.Actors.Storage;
using Microsoft.Extensions.Options;
using Commerce.Actors.Runtime;
using Orleans.Dashboard;
using Commerce.Connectors;
using Commerce.Connectors.Crm;
using Commerce.Connectors.MarketplaceMonitoring;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Connectors.Marketplaces.Api;
using Commerce.Conversation;
using Commerce.Execution;
using Commerce.Payments;
using Commerce.Actors.Auctions;

using Commerce.Marketing;
using Commerce.Host.Marketing;
using Commerce.Host.Marketing.Console;
using Commerce.Host.Operators;
using Commerce.Host.Api;
using Commerce.Host.Auctions;
using Commerce.Pricing.Signing;
using Commerce.Host.Auth;
using Commerce.Host.Catalog;
using Commerce.Host.Embedded;
using Commerce.Host.Onchain;
using Commerce.Host.Orders;
using Commerce.Host.Storage;
using Commerce.Host.Health;
using Commerce.Host.Problems;
using Commerce.Host.Push;
using Commerce.Host.RateLimits;
using Commerce.Messaging.Configuration;
using Commerce.Pricing.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Commerce.Host;

/// <summary>Builds the platform's web host: grains, Kafka, the APIs, pushes, health and OpenAPI.</summary>
public static class CommerceApp
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Builds the host as configured; <c>Chain:Embedded</c> needs <see cref="BuildAsync"/> (it starts a node first).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CreateBuilder(args, configure);
        if (ChainOptionsOf(builder.Configuration).Embedded)
            throw new InvalidOperationException("Chain:Embedded starts a dev chain before the host is built: use CommerceApp.BuildAsync");
        return Build(builder, null);
    }

    /// <summary>
    /// Builds the host; with <c>Chain:Embedded</c> it first starts the dev chain (Anvil, the contracts deployed) and adds
    /// the configuration that points pricing, the executor, the watcher and the orders at it. The chain is stopped
    /// with the host (disposing the application kills the node).
    /// </summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken ct = default)
    {
        var builder = CreateBuilder(args, configure);
        var chainOptions = ChainOptionsOf(builder.Configuration);
        if (!chainOptions.Embedded)
            return Build(builder, null);
        var chain = await DevChain.StartAsync(chainOptions, CollectionNames(builder.Configuration), builder.Configuration["Pricing:QuoteKey"], ct);
        try
        {
            builder.Configuration.AddInMemoryCollection(chain.Configuration);
            return Build(builder, chain);
        }
        catch
        {
            await chain.DisposeAsync();
            throw;
        }
    }

    private static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure)
    {
        // appsettings.json is read from next to the executable, wherever it is started from.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        configure?.Invoke(builder);
        return builder;
    }

    private static ChainOptions ChainOptionsOf(IConfiguration configuration) =>
        configuration.GetSection(ChainOptions.Section).Get<ChainOptions>() ?? new ChainOptions();

    /// <summary>The collections to deploy: those of the seed catalog, else those the pricing section names.</summary>
    private static IReadOnlyList<string> CollectionNames(IConfiguration configuration)
    {
        var seed = configuration["Catalog:SeedFile"];
        if (!string.IsNullOrWhiteSpace(seed) && File.Exists(seed))
        {
            using var file = File.OpenRead(seed);
            if (System.Text.Json.JsonSerializer.Deserialize(file, CatalogJsonContext.Default.CatalogFile) is { Collections.Count: > 0 } catalog)
                return catalog.Collections.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToArray();
        }
        return configuration.GetSection("Pricing:Collections").GetChildren().Select(c => c.Key).ToArray();
    }

    private static WebApplication Build(WebApplicationBuilder builder, DevChain? chain)
    {
        StartupSecrets.Check(builder.Configuration);
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, Commerce.Host.Marketing.MarketingApiJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(2, Commerce.Host.Api.Responses.ResponseJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(3, Commerce.Host.Operators.OperatorsJsonContext.Default);
            // Unknown fields are refused (400 naming the field), not ignored: a client cannot slip in what the API does not read.
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Kestrel refuses an oversized body before any endpoint sees it; say which part was too big.
            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && !context.ProblemDetails.Extensions.ContainsKey("errors"))
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [$"at most {MaxRequestBodyBytes} bytes"] };
        });
        // Unreadable bodies throw, so BadRequestExceptionHandler answers them with a ProblemDetails naming the body.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi();

        // The grains live in this process's silo; with Store:Provider postgres several hosts form one cluster.
        builder.AddGrainPlatform(silo => silo.AddDashboard());
        services.AddMarketplaceConnectors(builder.Configuration);
        services.AddSaleCallbackRelay();
        services.AddTransactionExecutor(builder.Configuration);
        services.AddLivePricing(builder.Configuration);
        services.AddChat(builder.Configuration);
        services.AddCheckoutWatcher(builder.Configuration);
        services.AddDepositWatcher(builder.Configuration);
        services.AddDeliveryRouter();
        services.AddMarketing(builder.Configuration);
        services.AddRazorComponents();
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection(CatalogOptions.Section));
        services.AddSingleton(sp => new HostDatabase(sp.GetRequiredService<IOptions<StoreOptions>>(), sp.GetService<IGrainStore>() as SqliteGrainStore));
        services.AddSingleton<IConnectorDatabase, HostConnectorDatabase>();
        services.AddCrmConnector(builder.Configuration); // CRM loyalty -> LoyaltyUpdated (src/Connectors/README.md)
        services.AddMarketplaceMonitoring(builder.Configuration); // marketplace floor, sales, offers -> market events
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<AuthKeys>();
        services.AddSingleton<RevokedTokens>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<UsedNonces>();
        services.AddSingleton<SignInChallenges>();
        services.AddOptions<ChainOptions>().Bind(builder.Configuration.GetSection(ChainOptions.Section))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton<ChainSettings>();
        services.AddSingleton<PaymentPlanner>();
        services.AddSingleton<PayoffPlanner>();
        services.AddSingleton<NftOwnership>();
        if (chain is not null)
        {
            services.AddSingleton(_ => chain); // created by the container, so disposed (the node killed) with it
            services.AddSingleton<DevFaucet>();
        }
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        // Every endpoint needs a signed-in caller unless it is marked AllowAnonymous (health, OpenAPI, sign-in, GET
        // /api/chain, the dashboard's login page and the marketplaces' signed webhooks): docs/SECURITY.md.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(BearerAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Player, p => p.RequireRole(Roles.Player))
            .AddPolicy(Roles.Marketing, p => p.RequireRole(Roles.Marketing, Roles.Admin))
            .AddPolicy(Roles.Operator, p => p.RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));

        services.AddPlatformRateLimits(builder.Configuration);
        services.AddSingleton<WalletSignInLimiter>();
        services.AddSingleton<PushHub>();
        services.AddSingleton<PushFanout>();
        services.AddHostedService(sp => sp.GetRequiredService<PushFanout>());
        services.AddSingleton<AuctionWatchers>();
        services.AddHostedService<AuctionFanout>();
        services.AddOptions<DemoAuctionOptions>().Bind(builder.Configuration.GetSection(DemoAuctionOptions.Section));
        services.AddHostedService<DemoAuctionStarter>();
        services.AddOptions<DemoCampaignOptions>().Bind(builder.Configuration.GetSection(DemoCampaignOptions.Section));
        services.AddHostedService<DemoCampaignStarter>();
        services.AddSingleton<OrderSearch>();
        services.AddSingleton<PolicyVersions>();
        if (builder.Configuration.GetValue("Pricing:Enabled", true))
            services.AddHostedService<PolicyActivator>(); // the engine follows the active pricing policy version
        // Auction winners' quotes are signed as offers are, when this instance has the quote key.
        services.AddSingleton<IAuctionQuoteSigner>(sp => sp.GetService<Eip712QuoteSigner>() is { } signer
            ? new Eip712AuctionQuoteSigner(signer)
            : new NoAuctionQuotes());
        services.AddHostedService<CatalogSeeder>();

        services.AddSingleton<KafkaHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<KafkaHealthCheck>("kafka", tags: ["ready"])
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<GrainsHealthCheck>("grains", tags: ["ready"]);

        var app = builder.Build();
        if (chain is not null)
        {
            app.Services.GetRequiredService<DevChain>(); // the container owns it from here
            // Once every hosted service (executor, watchers) has stopped, the node goes too, even if the app is never disposed.
            app.Lifetime.ApplicationStopped.Register(() => chain.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.UseAuthentication();
        app.UseRateLimiter(); // after authentication: it counts per player as well as per IP
        app.UseAuthorization();
        app.UseAntiforgery(); // the marketing console's Razor component endpoints require it (its pages post nothing)

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapAuthApi();
        app.MapSignOutApi();
        app.MapPlayerApi();
        app.MapChatApi();
        app.MapOrderApi();
        app.MapMyOrdersApi();
        app.MapBalanceApi();
        app.MapPaymentApi();
        app.MapPayoffApi();
        app.MapWithdrawalApi();
        app.MapNftApi();
        app.MapChainApi();
        app.MapPushApi();
        app.MapAuctionApi();
        app.MapAdminApi();
        app.MapOperatorDashboard();
        app.MapMarketingApi();
        app.MapOperatorsApi();
        app.MapMarketingConsole();
        app.MapGroup("").RateLimited(RateLimitGroup.Nfts).MapMarketplaceWebhooks();
        return app;
    }

    /// <summary>The Kafka bootstrap address the platform uses (the embedded cluster's, in embedded mode).</summary>
    public static string KafkaBootstrap(this WebApplication app) => app.Services.GetRequiredService<KafkaConnection>().BootstrapServers;
}
