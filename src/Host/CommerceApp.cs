using Commerce.Actors.Runtime;
using Commerce.Connectors;
using Commerce.Connectors.Marketplaces.Api;
using Commerce.Execution;
using Commerce.Payments;
using Commerce.Host.Api;
using Commerce.Host.Auth;
using Commerce.Host.Catalog;
using Commerce.Host.Health;
using Commerce.Host.Problems;
using Commerce.Host.Push;
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

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json is read from next to the executable, wherever it is started from.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        configure?.Invoke(builder);

        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
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

        services.AddGrainRuntime(builder.Configuration);
        services.AddMarketplaceConnectors(builder.Configuration);
        services.AddTransactionExecutor(builder.Configuration);
        services.AddLivePricing(builder.Configuration);
        services.AddCheckoutWatcher(builder.Configuration);
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection(CatalogOptions.Section));
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<SignInChallenges>();
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Player, p => p.RequireRole(Roles.Player))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));

        services.AddSingleton<PushHub>();
        services.AddSingleton<PushFanout>();
        services.AddHostedService(sp => sp.GetRequiredService<PushFanout>());
        services.AddHostedService<CatalogSeeder>();

        services.AddSingleton<KafkaHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<KafkaHealthCheck>("kafka", tags: ["ready"])
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<GrainsHealthCheck>("grains", tags: ["ready"]);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapAuthApi();
        app.MapPlayerApi();
        app.MapOrderApi();
        app.MapPushApi();
        app.MapAdminApi();
        app.MapMarketplaceWebhooks();
        return app;
    }

    /// <summary>The Kafka bootstrap address the platform uses (the embedded cluster's, in embedded mode).</summary>
    public static string KafkaBootstrap(this WebApplication app) => app.Services.GetRequiredService<KafkaConnection>().BootstrapServers;
}
