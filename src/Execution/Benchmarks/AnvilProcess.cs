using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Commerce.Chain.JsonRpc;

namespace Commerce.Execution.Benchmarks;

/// <summary>An Anvil child process on a free port for the benchmark (binary as the tests find it).</summary>
internal sealed class AnvilProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AnvilProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>CPU time the node used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<AnvilProcess> StartAsync(params string[] arguments)
    {
        var cache = Environment.GetEnvironmentVariable("COMMERCE_CACHE_DIR")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "commerce");
        var binary = Environment.GetEnvironmentVariable("COMMERCE_ANVIL") is { Length: > 0 } explicitPath ? explicitPath : Path.Combine(cache, "anvil");
        if (!File.Exists(binary))
            throw new FileNotFoundException($"Anvil not found at {binary}: run scripts/install-deps.sh", binary);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var process = new Process { StartInfo = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false } };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--silent" }.Concat(arguments))
            process.StartInfo.ArgumentList.Add(argument);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new AnvilProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient();
        var probe = new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = node.Endpoint, MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await probe.SendAsync(EthRpc.ChainId());
                return node;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
