using System.Globalization;
using System.Text;
using System.Text.Json;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Host.Reconcile;

/// <summary>
/// <c>commerce reconcile</c>: compares the Order grains in the database, the order-events topic and the chain,
/// prints every mismatch, and exits 1 when there is any, 0 when all agree, 2 on bad input or an unreachable source.
/// Options default to the platform's configuration (appsettings.json next to the executable, <c>Section__Key</c>
/// environment variables): --store (Store:Provider), --connection (Store:ConnectionString), --kafka
/// (Kafka:BootstrapServers; empty: the topic is not compared), --rpc (Payments:RpcUrl), --checkout
/// (Orders:CheckoutAddress, else Payments:CheckoutAddress; empty: the chain is not compared), --slack SECONDS
/// (how long past a deadline an order may take to catch up, default 60), --json.
/// </summary>
public static class ReconcileCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var (settings, problem) = ReconcileSettings.Parse(args, configuration);
        if (settings is null)
        {
            await error.WriteLineAsync($"error: {problem}");
            return 2;
        }

        IReadOnlyList<Actors.Orders.OrderState> orders;
        IReadOnlyDictionary<string, TopicOrder>? topic = null;
        IReadOnlyDictionary<string, ChainOrder>? chain = null;
        IReadOnlyCollection<string>? purchases = null;
        IReadOnlyDictionary<string, Actors.NftItem.NftItemState> items;
        try
        {
            orders = await StoredOrders.LoadAsync(settings.StoreProvider, settings.ConnectionString, ct);
            items = await StoredOrders.LoadItemsAsync(settings.StoreProvider, settings.ConnectionString, ct);
            if (settings.KafkaBootstrap is { } bootstrap)
                topic = OrderTopicReader.Read(bootstrap, settings.Timeout);
            if (settings.RpcUrl is { } rpcUrl && settings.Checkout is { } checkout)
            {
                using var http = new HttpClient();
                var eth = new EthClient(new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = rpcUrl, MaxRetries = 2 }));
                var reader = new ChainReader(eth, checkout);
                chain = await reader.ReadOrdersAsync(orders, ct);
                purchases = await reader.ReadPurchaseIdsAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync($"error: reading the sources failed: {e.GetType().Name}: {e.Message}");
            return 2;
        }

        var mismatches = Reconciler.Compare(orders, topic, chain, purchases, settings.Checkout?.ToString(), DateTimeOffset.UtcNow, settings.Slack, items);
        if (settings.Json)
            await output.WriteLineAsync(ToJson(orders.Count, topic, chain, mismatches));
        else
            await WriteTextAsync(output, orders.Count, topic, chain, settings, mismatches);
        return mismatches.Count == 0 ? 0 : 1;
    }

    private static async Task WriteTextAsync(TextWriter output, int orders, IReadOnlyDictionary<string, TopicOrder>? topic,
        IReadOnlyDictionary<string, ChainOrder>? chain, ReconcileSettings settings, IReadOnlyList<Mismatch> mismatches)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"database: {orders} orders; topic: {(topic is null ? "not compared (no Kafka bootstrap)" : topic.Count == 0 ? "empty (not compared)" : $"{topic.Count} orders")}; chain: {(chain is null ? "not compared (no RPC URL or Checkout)" : $"{chain.Count} orders looked up at {settings.Checkout}")}"));
        foreach (var m in mismatches)
            await output.WriteLineAsync($"MISMATCH {m.Kind} {m.OrderId}: {m.Detail}");
        await output.WriteLineAsync(mismatches.Count == 0 ? "no mismatch" : $"{mismatches.Count} mismatch{(mismatches.Count == 1 ? "" : "es")}");
    }

    private static string ToJson(int orders, IReadOnlyDictionary<string, TopicOrder>? topic, IReadOnlyDictionary<string, ChainOrder>? chain, IReadOnlyList<Mismatch> mismatches)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("orders", orders);
            json.WriteStartObject("compared");
            json.WriteBoolean("database", true);
            json.WriteBoolean("topic", topic is { Count: > 0 });
            json.WriteBoolean("chain", chain is not null);
            json.WriteEndObject();
            json.WriteStartArray("mismatches");
            foreach (var m in mismatches)
            {
                json.WriteStartObject();
                json.WriteString("orderId", m.OrderId);
                json.WriteString("kind", m.Kind);
                json.WriteString("detail", m.Detail);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
