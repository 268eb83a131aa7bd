using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Signing;
using Commerce.Host.Embedded;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Signing;
using Commerce.Testing;
using Commerce.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Commerce.Host.Tests;

/// <summary>
/// The whole platform embedded as <c>commerce demo</c> runs it: its own dev chain (a real Anvil child process with
/// 1 s blocks and the contracts deployed), the embedded Kafka cluster, a SQLite file of its own, the seed catalog.
/// </summary>
public sealed class ChainPlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>The most wei the executor sends in one withdrawal on this platform (its allow-list's cap, below the accounts' own limit).</summary>
    public const string WithdrawalCapWei = "30000000000000000";

    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-chain-host-").FullName;
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public DevChain Chain => Services.GetRequiredService<DevChain>();

    public IGrainStore Store => Services.GetRequiredService<IGrainStore>();

    public async Task InitializeAsync()
    {
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        _app = await CommerceApp.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = BaseUrl,
                ["Kafka:BootstrapServers"] = "",
                ["Kafka:SessionTimeoutMs"] = "6000",
                ["Store:Provider"] = "sqlite",
                ["Store:ConnectionString"] = $"Data Source={Path.Combine(_directory, "commerce.db")}",
                ["Catalog:SeedFile"] = Path.Combine(AppContext.BaseDirectory, "catalog", "demo.json"),
                ["Chain:Embedded"] = "true",
                ["Chain:BlockTimeSeconds"] = "1",
                ["Chain:InstallmentIntervalSeconds"] = "120",
                // Narrow log ranges, so every NFT listing of these tests reads the chain in several calls.
                ["Chain:NftScanBlocksPerCall"] = "8",
                ["Chain:NftScanReorgBlocks"] = "4",
                // The executor's own cap on withdrawals (0.03 ETH) below the custody accounts' limit (1 ETH): a withdrawal
                // between the two is debited by its account and refused by the executor, the fault the withdrawal tests need.
                ["Execution:Policy:Kinds:withdraw:Requesters:0"] = "custody",
                ["Execution:Policy:Kinds:withdraw:AnyAddress"] = "true",
                ["Execution:Policy:Kinds:withdraw:Selectors:0"] = "none",
                ["Execution:Policy:Kinds:withdraw:MaxValueWei"] = WithdrawalCapWei,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            RecentLogs.AddTo(builder.Logging);
        });
        await _app.StartAsync();
        Http.BaseAddress = new Uri(BaseUrl);
        await Eventually.Until(async () => (await Http.GetAsync("/health/ready")).IsSuccessStatusCode, Deadline, () => "the platform to report ready");
        await SeedCatalog.WaitUntilListedAsync(_app!.Services, "skins:10", Deadline);
    }

    /// <summary>Signs in <paramref name="key"/>'s wallet the way a game client does; returns a client carrying its token.</summary>
    public async Task<(HttpClient Client, string PlayerId)> SignInAsync(EthPrivateKey key)
    {
        var challenge = await (await Http.PostAsJsonAsync("/api/auth/challenge", new { address = key.Address.ToString() })).Content.ReadFromJsonAsync<JsonElement>();
        var message = challenge.GetProperty("message").GetString()!;
        var response = await Http.PostAsJsonAsync("/api/auth/sign-in", new { message, signature = PersonalMessage.Sign(key, message) });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString()!);
        return (client, body.GetProperty("playerId").GetString()!);
    }

    /// <summary>A quote to pay <paramref name="itemId"/> in full, signed by the platform's quote key (as an offer carries it).</summary>
    public JsonObject PlatformQuote(string playerId, string itemId, string currency, UInt128 price, DateTimeOffset? expiresAt = null)
    {
        var signer = Services.GetRequiredService<Eip712QuoteSigner>();
        var (quote, signature) = signer.Sign(new Quote("test-" + Guid.NewGuid(), playerId, itemId, itemId[..itemId.IndexOf(':')], currency, price,
            expiresAt ?? DateTimeOffset.UtcNow.AddMinutes(10), "test"));
        return new JsonObject
        {
            ["quote"] = OrderBodies.Quote(quote.Collection, quote.TokenId, quote.Buyer, quote.Currency, quote.Price, quote.Installments, quote.Expiry, quote.Nonce),
            ["signature"] = signature.Signature,
        };
    }

    /// <summary>A client carrying a staff token (marketing, operator or admin) from this platform's token service.</summary>
    public HttpClient StaffClient(string role)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Services.GetRequiredService<Commerce.Host.Auth.TokenService>().Issue($"{role}-test", role).Token);
        return client;
    }

    /// <summary>A sender for the player's own wallet, signing with its own key (what a game's wallet does).</summary>
    public SigningContractSender Wallet(EthPrivateKey key) => new(Chain.Eth, key, Commerce.Chain.Node.AnvilNode.ChainId) { ReceiptPollInterval = TimeSpan.FromMilliseconds(100) };

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            RecentLogs.Report(_app.Services, diagnostics, nameof(ChainPlatformFixture));
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
