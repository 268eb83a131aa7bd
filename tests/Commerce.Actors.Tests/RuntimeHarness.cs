using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Tests;

/// <summary>A grain runtime in a generic host, against a given broker and database.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private RuntimeHarness(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainStore Store => Services.GetRequiredService<IGrainStore>();

    public EventProducer Producer => Services.GetRequiredService<EventProducer>();

    public KafkaConnection Kafka => Services.GetRequiredService<KafkaConnection>();

    public static async Task<RuntimeHarness> StartAsync(string? bootstrapServers, string storeProvider, string connectionString,
        IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Kafka:SessionTimeoutMs"] = "6000",
            ["Store:Provider"] = storeProvider,
            ["Store:ConnectionString"] = connectionString,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
            settings[k] = v;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrainRuntime(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new RuntimeHarness(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
