using System.Net;
using System.Numerics;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Events.Topics;
using Commerce.Host.Reconcile;
using Commerce.Messaging.Embedded;
using Commerce.Testing;
using Microsoft.Extensions.Configuration;

namespace Commerce.Host.Tests.Sagas;

/// <summary>
/// The platform in a process of its own (SQLite, or PostgreSQL), SIGKILLed while two sagas are in flight (a purchase being confirmed, a
/// declareDefault asked of the executor), then started again on the same database and Kafka cluster: both
/// orders end as they should, the chain shows each effect once, and <c>commerce reconcile</c> agrees, until a
/// mismatch is planted.
/// </summary>
[Collection(SagaCollection.Name)]
public sealed class HostKilledSagaTests : IAsyncLifetime
{
    private static readonly BigInteger Finney = BigInteger.Pow(10, 15);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly SagaChain _chain = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-kill-").FullName;
    private EmbeddedKafkaCluster? _kafka;
    private TempPostgresDatabase? _postgres;
    private (string Provider, string ConnectionString) _store;

    public async Task InitializeAsync()
    {
        await _chain.InitializeAsync();
        _kafka = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_host_killed_in_the_middle_of_two_sagas_resumes_them_with_every_effect_on_chain_once_and_reconcile_agrees(string provider)
    {
        if (provider == "postgres")
            _postgres = await TempPostgresDatabase.CreateAsync();
        _store = (provider, _postgres?.ConnectionString ?? $"Data Source={Path.Combine(_directory, "commerce.db")}");
        var settings = _chain.PlatformSettings();
        settings["Kafka:BootstrapServers"] = _kafka!.BootstrapServers;
        settings["Kafka:SessionTimeoutMs"] = "6000";
        settings["Store:Provider"] = _store.Provider;
        settings["Store:ConnectionString"] = _store.ConnectionString;
        settings["Catalog:SeedFile"] = Path.Combine(AppContext.BaseDirectory, "catalog", "demo.json");
        settings["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]);
        // The restarted host takes the silo's ports: on PostgreSQL the cluster then sees the same silo again (a newer
        // generation at the same endpoint) and drops the dead one at once, as a supervised restart does in production.
        settings["Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var host = HostProcess.Start(settings);
        try
        {
            await host.WaitReadyAsync(Deadline);
            var buyerKey = await _chain.NewWalletAsync();
            var planKey = await _chain.NewWalletAsync();
            var (buyer, _, _) = await SagaPlatform.SignInAsync(http, host.BaseUrl, buyerKey);
            var (planner, _, _) = await SagaPlatform.SignInAsync(http, host.BaseUrl, planKey);
            await WaitListedAsync(buyer, "dragons:6");

            var (paid, paidSignature) = _chain.Quote(buyerKey.Address, 6, Finney);
            var (plan, planSignature) = _chain.Quote(planKey.Address, 7, 2 * Finney, installments: 2);
            var paidId = await SagaPlatform.PlaceAcceptedAsync(buyer, paid, paidSignature, "eth");
            var planId = await SagaPlatform.PlaceAcceptedAsync(planner, plan, planSignature, "installments");
            await WaitForOrderAsync(buyer, paidId, o => o.GetProperty("status").GetString() == OrderStatus.Reserved, "reserved", () => host.Log);
            await WaitForOrderAsync(planner, planId, o => o.GetProperty("status").GetString() == OrderStatus.Reserved, "reserved", () => host.Log);

            // The plan's down payment, then nothing: its deadline passes and the grain asks the executor for declareDefault.
            await _chain.Checkout.PurchaseAsync(_chain.Sender(planKey), plan, planSignature);
            var afterDownPayment = await _chain.Eth.GetBalanceAsync(planKey.Address);
            await WaitForOrderAsync(planner, planId, o => HistoryMentions(o, "declareDefault asked"), "to ask for declareDefault", () => host.Log);

            // Right then the other player pays in full, and the host dies before it can see the confirmation.
            var beforePurchase = await _chain.Eth.GetBalanceAsync(buyerKey.Address);
            var receipt = await _chain.Checkout.PurchaseAsync(_chain.Sender(buyerKey), paid, paidSignature);
            host.Kill();
            await host.DisposeAsync();

            host = HostProcess.Start(settings);
            await host.WaitReadyAsync(Deadline);
            (buyer, _, _) = await SagaPlatform.SignInAsync(http, host.BaseUrl, buyerKey); // the new process listens on a port of its own
            (planner, _, _) = await SagaPlatform.SignInAsync(http, host.BaseUrl, planKey);
            await WaitForOrderAsync(buyer, paidId, o => o.GetProperty("status").GetString() == OrderStatus.Completed, "completed after the restart", () => host.Log);
            await WaitForOrderAsync(planner, planId, o => o.GetProperty("status").GetString() == OrderStatus.Defaulted, "defaulted after the restart", () => host.Log);

            // The chain: one purchase, charged once, one mint to the buyer; one default, refunded once.
            var paidEvents = await _chain.CheckoutEventsOfAsync(paidId);
            Assert.Single(paidEvents.OfType<CheckoutPurchased>());
            Assert.Equal(PurchaseStatus.Completed, (await _chain.Checkout.GetPurchaseAsync(paid.Nonce)).Status);
            Assert.Equal(beforePurchase - Finney - receipt.GasUsed * receipt.EffectiveGasPrice, await _chain.Eth.GetBalanceAsync(buyerKey.Address));
            Assert.Equal(1, await _chain.MintsOfAsync(6));
            Assert.Equal(buyerKey.Address, await _chain.Dragons.OwnerOfAsync(6));
            var declared = Assert.Single((await _chain.CheckoutEventsOfAsync(planId)).OfType<CheckoutPlanDefaulted>());
            Assert.Equal(declared.Refund, await _chain.Eth.GetBalanceAsync(planKey.Address) - afterDownPayment);
            Assert.Equal(_chain.Checkout.Address, await _chain.Dragons.OwnerOfAsync(7));

            var (code, output) = await ReconcileAsync([]);
            Assert.True(code == 0, $"reconcile after the restart should find no mismatch, exit {code}:\n{output}");
            Assert.Contains("no mismatch", output);

            // Planted: the buyer gives the item away outside the platform, and someone buys with a quote that never became an order.
            await _chain.Dragons.SafeTransferFromAsync(_chain.Sender(buyerKey), buyerKey.Address, EthPrivateKey.Generate().Address, 6);
            var strangerKey = await _chain.NewWalletAsync();
            var (stray, straySignature) = _chain.Quote(strangerKey.Address, 8, Finney);
            await _chain.Checkout.PurchaseAsync(_chain.Sender(strangerKey), stray, straySignature);
            var strayId = "0x" + Convert.ToHexStringLower(stray.Nonce);

            (code, output) = await ReconcileAsync(["--json"]);
            Assert.True(code == 1, $"reconcile should report the planted mismatches, exit {code}:\n{output}");
            var mismatches = JsonDocument.Parse(output).RootElement.GetProperty("mismatches").EnumerateArray()
                .Select(m => (m.GetProperty("orderId").GetString(), m.GetProperty("kind").GetString())).ToList();
            var expected = new (string?, string?)[] { (paidId, MismatchKinds.Owner), (strayId, MismatchKinds.UnknownPurchase) };
            Assert.Equal(expected.Order(), mismatches.Order());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private async Task<(int Code, string Output)> ReconcileAsync(string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args =
        [
            "--store", _store.Provider, "--connection", _store.ConnectionString,
            "--kafka", _kafka!.BootstrapServers, "--rpc", _chain.Anvil.Endpoint.ToString(), "--checkout", _chain.Checkout.Address.ToString(), .. extra,
        ];
        var code = await ReconcileCommand.RunAsync(args, new ConfigurationBuilder().Build(), output, error);
        return (code, output + error.ToString());
    }

    private static bool HistoryMentions(JsonElement order, string text) =>
        order.GetProperty("history").EnumerateArray().Any(h => h.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String
            && d.GetString()!.Contains(text, StringComparison.Ordinal));

    private static async Task WaitListedAsync(HttpClient player, string itemId) =>
        await Eventually.Until(async () => (await player.GetAsync($"/api/items/{itemId}")).StatusCode == HttpStatusCode.OK, Deadline,
            () => $"{itemId} to be listed by the seed catalog");

    private static async Task WaitForOrderAsync(HttpClient player, string orderId, Func<JsonElement, bool> condition, string expected, Func<string> log)
    {
        string last = "nothing";
        await Eventually.Until(async () =>
        {
            try
            {
                var response = await player.GetAsync($"/api/me/orders/{orderId}");
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode != HttpStatusCode.OK)
                    return false;
                last = await response.Content.ReadAsStringAsync();
                return condition(JsonDocument.Parse(last).RootElement);
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
                return false;
            }
        }, Deadline, () => $"order {orderId} {expected}; last seen: {last}\nhost log:\n{log()}");
    }

    public async Task DisposeAsync()
    {
        _kafka?.Dispose();
        if (_postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await _postgres.DisposeAsync();
        }
        await _chain.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
