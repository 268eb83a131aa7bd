using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Commerce.Messaging.Configuration;
using Commerce.Testing;
using Commerce.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Commerce.Host.Tests;

/// <summary>The whole platform, embedded, on a free loopback port with a SQLite file of its own.</summary>
public class PlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>The deposit watcher's key of this platform (Custody:DepositKey): tests mark the deposits they publish with it.</summary>
    public static readonly byte[] DepositKey = System.Security.Cryptography.SHA256.HashData("host-tests-deposit-key"u8);

    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-host-").FullName;
    private WebApplication? _app;

    /// <summary>Settings over the embedded defaults, for a fixture that runs the platform otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public string KafkaBootstrap => Services.GetRequiredService<KafkaConnection>().BootstrapServers;

    public IGrainStore Store => Services.GetRequiredService<IGrainStore>();

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = CommerceApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = BaseUrl,
                ["Kafka:BootstrapServers"] = "",
                ["Kafka:SessionTimeoutMs"] = "6000",
                ["Custody:DepositKey"] = Convert.ToBase64String(DepositKey),
                ["Store:Provider"] = "sqlite",
                ["Store:ConnectionString"] = $"Data Source={Path.Combine(_directory, "commerce.db")}",
                ["Catalog:SeedFile"] = Path.Combine(AppContext.BaseDirectory, "catalog", "demo.json"),
            });
            builder.Configuration.AddInMemoryCollection(Settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            RecentLogs.AddTo(builder.Logging);
        });
        await _app.StartAsync();
        Http.BaseAddress = new Uri(BaseUrl);
        await Eventually.Until(async () => (await Http.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(60),
            () => "the platform to report ready");
        await SeedCatalog.WaitUntilListedAsync(_app!.Services, "dragons:1", TimeSpan.FromSeconds(60));
    }

    /// <summary>Signs in a new wallet the way a game client does and returns a client carrying its token.</summary>
    public async Task<(HttpClient Client, string PlayerId, string Token)> SignInAsync(EthPrivateKey? key = null)
    {
        key ??= EthPrivateKey.Generate();
        var challenge = await (await Http.PostAsJsonAsync("/api/auth/challenge", new { address = key.Address.ToString() })).Content.ReadFromJsonAsync<JsonElement>();
        var message = challenge.GetProperty("message").GetString()!;
        var response = await Http.PostAsJsonAsync("/api/auth/sign-in", new { message, signature = PersonalMessage.Sign(key, message) });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, body.GetProperty("playerId").GetString()!, token);
    }

    /// <summary>A client carrying a staff token (marketing, operator or admin) from this platform's token service.</summary>
    public HttpClient StaffClient(string role)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Services.GetRequiredService<Commerce.Host.Auth.TokenService>().Issue($"{role}-test", role).Token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            RecentLogs.Report(_app.Services, diagnostics, nameof(PlatformFixture));
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
