using Commerce.Actors.Runtime;
using Commerce.Execution.Executor;
using Commerce.Execution.Storage;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Tests.Support;

/// <summary>The executor as the platform hosts it (grain runtime + AddTransactionExecutor) in a generic host, against a given broker, node and store.</summary>
public sealed class ExecutorHostHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private ExecutorHostHarness(IHost host) => _host = host;

    public TransactionExecutor Executor => _host.Services.GetRequiredService<TransactionExecutor>();

    public IExecutorStore Store => _host.Services.GetRequiredService<IExecutorStore>();

    public EventProducer Producer => _host.Services.GetRequiredService<EventProducer>();

    public static async Task<ExecutorHostHarness> StartAsync(string bootstrapServers, Uri rpc, string sqliteConnectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Kafka:SessionTimeoutMs"] = "6000",
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = sqliteConnectionString,
            ["Execution:Enabled"] = "true",
            ["Execution:RpcUrl"] = rpc.ToString(),
            ["Execution:ChainId"] = "31337",
            ["Execution:ConfirmationDepth"] = "2",
            ["Execution:PollInterval"] = "00:00:00.100",
            ["Execution:MaxChunk"] = "40",
            ["Execution:HotWallet:PrivateKey"] = ExecutorHarness.HotKey.ExportHex(),
            [$"Execution:Policy:Requesters:{ExecutorHarness.TestRequester}"] = Convert.ToBase64String(ExecutorHarness.TestRequesterKey),
            ["Execution:Policy:Kinds:transfer:Requesters:0"] = ExecutorHarness.TestRequester,
            ["Execution:Policy:Kinds:transfer:AnyAddress"] = "true",
            ["Execution:Policy:Kinds:transfer:Selectors:0"] = Commerce.Execution.Policy.KindRule.NoData,
            ["Execution:Policy:Kinds:transfer:MaxValueWei"] = "1000000000000000000000",
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.AddGrainPlatform();
        builder.Services.AddTransactionExecutor(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new ExecutorHostHarness(host);
    }

    /// <summary>Stops at once, as if the process died: nothing is given time to finish.</summary>
    public async Task KillAsync()
    {
        await _host.StopAsync(new CancellationToken(canceled: true));
        _host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (ObjectDisposedException)
        {
        }
        _host.Dispose();
    }
}
