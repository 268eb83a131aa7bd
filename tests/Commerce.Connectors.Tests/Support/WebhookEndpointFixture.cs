using System.Net.Http.Headers;
using System.Text;
using Commerce.Connectors.Marketplaces.Api;
using Commerce.Connectors.Webhooks;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Commerce.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port with only MapMarketplaceWebhooks, publishing through
/// a real EventProducer into an embedded Kafka cluster. Two marketplaces: "opensea" (a current and a
/// previous secret, mid-rotation) and "blur". Every endpoint needs an authenticated user unless it
/// allows anonymous callers, as in the platform host.
/// </summary>
public sealed class WebhookEndpointFixture : IAsyncLifetime
{
    public const int MaxBodyBytes = 4096;

    private WebApplication? _app;

    public WebhookSecret OpenSeaCurrent { get; } = WebhookSecret.Generate();

    public WebhookSecret OpenSeaPrevious { get; } = WebhookSecret.Generate(24);

    public WebhookSecret Blur { get; } = WebhookSecret.Generate(64);

    public KafkaConnection Kafka { get; } = new(Options.Create(new KafkaOptions { EmbeddedBrokers = 1 }));

    public ItemEventsReader Topic => new(Kafka.BootstrapServers);

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Marketplaces:opensea:Secrets:0"] = OpenSeaCurrent.Serialize(),
            ["Marketplaces:opensea:Secrets:1"] = OpenSeaPrevious.Serialize(),
            ["Marketplaces:blur:Secrets:0"] = Blur.Serialize(),
            ["Marketplaces:opensea:Collections:0"] = "dragons",
            ["Marketplaces:blur:Collections:0"] = "dragons",
            ["Webhooks:Receiving:MaxBodyBytes"] = MaxBodyBytes.ToString(),
        });
        builder.Services.AddSingleton(Kafka);
        builder.Services.AddSingleton<EventProducer>();
        builder.Services.AddMarketplaceConnectors(builder.Configuration);
        // Like the platform host: authentication and authorization run, and by default an endpoint needs a user.
        builder.Services.AddAuthentication(NobodyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, NobodyAuthenticationHandler>(NobodyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapPost("/api/needs-a-user", () => "hello");
        _app.MapMarketplaceWebhooks();
        await _app.StartAsync();
        Http.BaseAddress = new Uri(baseUrl);
    }

    /// <summary>Posts <paramref name="body"/> to a marketplace's endpoint, signed (unless told otherwise) at <paramref name="at"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string marketplace, string body, WebhookSecret? secret, string? id = null, DateTimeOffset? at = null,
        Action<HttpRequestMessage>? tamper = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/marketplaces/{marketplace}/webhooks")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (secret is not null)
            new WebhookSigner(secret).Sign(id ?? WebhookId.New(), at ?? DateTimeOffset.UtcNow, bytes).ApplyTo(request);
        tamper?.Invoke(request);
        return Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync(); // disposes the producer, which flushes
        }
        Kafka.Dispose();
    }
}
