using Commerce.Actors.Runtime;
using Commerce.Events.Envelope;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Payments.Tests;

/// <summary>The watcher as the host wires it: AddGrainPlatform then AddCheckoutWatcher, configured from settings.</summary>
[Collection(nameof(PaymentsCollection))]
public sealed class HostWiringTests(PaymentsEnvironment env)
{
    [Fact]
    public async Task Watcher_registered_after_the_grain_runtime_publishes_through_its_outbox_relay()
    {
        var deployment = await env.DeployAsync();
        var directory = Directory.CreateTempSubdirectory("commerce-payments-host-").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kafka:EmbeddedBrokers"] = "1",
                ["Store:Provider"] = "sqlite",
                ["Store:ConnectionString"] = $"Data Source={Path.Combine(directory, "host.db")}",
                ["Payments:Enabled"] = "true",
                ["Payments:CheckoutAddress"] = deployment.Checkout.Address.ToString(),
                ["Payments:RpcUrl"] = env.Endpoint.ToString(),
                ["Payments:Confirmations"] = "1",
                ["Payments:PollInterval"] = "00:00:00.020",
                ["Payments:StartBlock"] = deployment.DeployedAt.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            builder.AddGrainPlatform();
            builder.Services.AddCheckoutWatcher(builder.Configuration);
            using var host = builder.Build();
            await host.StartAsync();

            var buyer = await env.NewActorAsync();
            var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 50);
            await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
            var orderId = Deployment.OrderId(quote);

            var bootstrap = host.Services.GetRequiredService<KafkaConnection>().BootstrapServers;
            var confirmed = ReadUntil(bootstrap, p => p.OrderId == orderId && p.Confirmed);
            Assert.Equal("Purchased", confirmed.Kind);
            await host.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static PaymentObserved ReadUntil(string bootstrap, Func<PaymentObserved, bool> condition)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = $"host-reader-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest, EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(TopicCatalog.OrderEvents.Name);
        var seen = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record?.Message?.Value is null)
                continue;
            if (EnvelopeSerializer.Deserialize(record.Message.Value).Payload is PaymentObserved payment)
            {
                seen.Add($"{payment.Kind} confirmed={payment.Confirmed}");
                if (condition(payment))
                    return payment;
            }
        }
        throw new TimeoutException($"after 30 s: expected a confirmed PaymentObserved on the host's order-events topic; seen [{string.Join(", ", seen)}]");
    }
}
