using Commerce.Host;
using Commerce.Testing;
using Commerce.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Commerce.Sdk.Tests.Platform;

/// <summary>
/// The real platform, embedded as <c>commerce demo</c> runs it (in-process Kafka cluster, SQLite file of its own, the
/// seed catalog, its own dev chain: Anvil with the contracts deployed), on a free loopback port. The SDK talks to it over
/// real HTTP and WebSockets; the tests' wallets send their payment steps to the chain's JSON-RPC URL.
/// </summary>
public sealed class HostFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-sdk-").FullName;
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _app = await CommerceApp.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["Kafka:BootstrapServers"] = "",
                ["Kafka:SessionTimeoutMs"] = "6000",
                ["Store:Provider"] = "sqlite",
                ["Store:ConnectionString"] = $"Data Source={Path.Combine(_directory, "commerce.db")}",
                ["Catalog:SeedFile"] = Path.Combine(AppContext.BaseDirectory, "catalog", "demo.json"),
                ["Chain:Embedded"] = "true",
                ["Chain:InstallmentIntervalSeconds"] = "20",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            RecentLogs.AddTo(builder.Logging);
        });
        await _app.StartAsync();
        using var http = new HttpClient { BaseAddress = BaseUrl };
        await Eventually.Until(async () => (await http.GetAsync("health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(60),
            () => "the platform to report ready");
        using var probe = NewClient();
        await probe.SignInAsync(new Support.KeyWalletSigner());
        await Eventually.Until(async () => await IsListedAsync(probe, "dragons:1"), TimeSpan.FromSeconds(60),
            () => $"the seed catalog to be listed; the platform's last warnings: {string.Join(" | ", RecentLogs.Of(_app.Services))}");
    }

    /// <summary>A client of the platform (not signed in) with the given transports (null: the defaults).</summary>
    public CommerceClient NewClient(IHttpTransport? http = null, IPushTransport? push = null, Uri? baseUrl = null) =>
        new(new CommerceClientOptions
        {
            BaseUrl = baseUrl ?? BaseUrl,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
            OrderRetryDelay = TimeSpan.FromMilliseconds(20),
        }, http, push);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            RecentLogs.Report(_app.Services, diagnostics, nameof(HostFixture));
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<bool> IsListedAsync(CommerceClient client, string itemId)
    {
        try
        {
            return (await client.GetItemAsync(itemId)).Listed;
        }
        catch (CommerceApiException e) when (e.Kind == CommerceErrorKind.NotFound)
        {
            return false;
        }
    }
}
