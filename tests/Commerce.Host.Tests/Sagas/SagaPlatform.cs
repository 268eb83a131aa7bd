using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Signing;
using Commerce.Testing;
using Commerce.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Commerce.Host.Tests.Sagas;

/// <summary>
/// The platform in this process against a <see cref="SagaChain"/>: embedded Kafka, a SQLite file of its own, the
/// seed catalog, the executor (hot wallet = dev key 1) and the Checkout watcher, 2 confirmations at 1 s blocks; one
/// marketplace ("opensea") whose signed callbacks reach <see cref="Marketplace"/>.
/// </summary>
public sealed class SagaPlatform(IMessageSink diagnostics) : IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-saga-").FullName;
    private WebApplication? _app;

    public SagaChain Chain { get; } = new();

    public MarketplaceReceiver Marketplace { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public IGrainStore Store => _app!.Services.GetRequiredService<IGrainStore>();

    public string DatabasePath => Path.Combine(_directory, "commerce.db");

    public string KafkaBootstrap => _app!.KafkaBootstrap();

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        Marketplace = await MarketplaceReceiver.StartAsync();
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = Chain.PlatformSettings();
        settings["Marketplaces:opensea:Secrets:0"] = Commerce.Connectors.Webhooks.WebhookSecret.Generate().Serialize();
        settings["Marketplaces:opensea:CallbackUrl"] = Marketplace.Url.ToString();
        settings["Marketplaces:opensea:CallbackSecrets:0"] = Marketplace.Secret.Serialize();
        settings["Urls"] = BaseUrl;
        settings["Kafka:BootstrapServers"] = "";
        settings["Kafka:SessionTimeoutMs"] = "6000";
        settings["Store:Provider"] = "sqlite";
        settings["Store:ConnectionString"] = $"Data Source={DatabasePath}";
        settings["Catalog:SeedFile"] = Path.Combine(AppContext.BaseDirectory, "catalog", "demo.json");
        // Reminders 6 s before each deadline of the 12 s plan interval: room to pay after the push and before the deadline on a busy machine.
        settings["Orders:InstallmentReminderLead"] = "00:00:06";
        _app = CommerceApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            RecentLogs.AddTo(builder.Logging);
        });
        await _app.StartAsync();
        Http.BaseAddress = new Uri(BaseUrl);
        await Eventually.Until(async () => (await Http.GetAsync("/health/ready")).IsSuccessStatusCode, Deadline, () => "the platform to report ready");
        await SeedCatalog.WaitUntilListedAsync(_app!.Services, "dragons:3", Deadline);
    }

    /// <summary>Signs in <paramref name="key"/>'s wallet (EIP-4361); returns a client carrying its token and the token.</summary>
    public Task<(HttpClient Client, string PlayerId, string Token)> SignInAsync(EthPrivateKey key) => SignInAsync(Http, BaseUrl, key);

    public static async Task<(HttpClient Client, string PlayerId, string Token)> SignInAsync(HttpClient http, string baseUrl, EthPrivateKey key)
    {
        var challenge = await (await http.PostAsJsonAsync($"{baseUrl}/api/auth/challenge", new { address = key.Address.ToString() })).Content.ReadFromJsonAsync<JsonElement>();
        var message = challenge.GetProperty("message").GetString()!;
        var response = await http.PostAsJsonAsync($"{baseUrl}/api/auth/sign-in", new { message, signature = PersonalMessage.Sign(key, message) });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, body.GetProperty("playerId").GetString()!, token);
    }

    /// <summary>POST /api/me/orders for a signed quote; returns the response.</summary>
    public static async Task<HttpResponseMessage> PlaceAsync(HttpClient player, CheckoutQuote quote, byte[] signature, string paymentKind, string idempotencyKey)
    {
        var body = new JsonObject
        {
            ["itemId"] = $"dragons:{quote.TokenId}",
            ["quote"] = OrderBodies.Quote(quote.Collection, quote.TokenId, quote.Buyer, quote.Currency, quote.Price, quote.Installments, quote.Expiry, quote.Nonce),
            ["signature"] = HexString.Encode(signature),
            ["paymentKind"] = paymentKind,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await player.SendAsync(request);
    }

    /// <summary>Places the order and expects 202 with the quote's nonce as the order id.</summary>
    public static async Task<string> PlaceAcceptedAsync(HttpClient player, CheckoutQuote quote, byte[] signature, string paymentKind)
    {
        var response = await PlaceAsync(player, quote, signature, paymentKind, "key-" + Guid.NewGuid().ToString("N"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202 for the order, got {(int)response.StatusCode}: {text}");
        var orderId = JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetString()!;
        Assert.Equal(HexString.Encode(quote.Nonce), orderId);
        return orderId;
    }

    /// <summary>Waits until the stored order satisfies <paramref name="condition"/>; <paramref name="expected"/> says what was waited for.</summary>
    public static async Task<OrderState> WaitForOrderAsync(IGrainStore store, string orderId, Func<OrderState, bool> condition, string expected)
    {
        OrderState? last = null;
        await Eventually.Until(async () =>
        {
            var stored = await store.LoadStateAsync(OrderGrain.TypeName, orderId, default);
            last = stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.OrderState);
            return last is not null && condition(last);
        }, Deadline, () => $"order {orderId} {expected}; last seen: {(last is null ? "nothing stored" : $"{last.Status}, history [{string.Join("; ", last.History.Select(h => $"{h.Event}: {h.From}->{h.To} {h.Detail}"))}]")}");
        return last!;
    }

    public Task<OrderState> WaitForOrderAsync(string orderId, Func<OrderState, bool> condition, string expected) =>
        WaitForOrderAsync(Store, orderId, condition, expected);

    /// <summary>Waits until the stored item grain satisfies <paramref name="condition"/>; <paramref name="expected"/> says what was waited for.</summary>
    public async Task<NftItemState> WaitForItemAsync(string itemId, Func<NftItemState, bool> condition, string expected)
    {
        NftItemState? last = null;
        await Eventually.Until(async () =>
        {
            var stored = await Store.LoadStateAsync(NftItemGrain.TypeName, itemId, default);
            last = stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.NftItemState);
            return last is not null && condition(last);
        }, Deadline, () => $"item {itemId} {expected}; last seen: {(last is null ? "nothing stored" : $"{last.Status}, held by {last.Reservation?.OrderId ?? "no order"}")}");
        return last!;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            RecentLogs.Report(_app.Services, diagnostics, nameof(SagaPlatform));
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Chain.DisposeAsync();
        await Marketplace.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
