using System.Diagnostics;
using Xunit;
using System.Net;
using System.Net.Sockets;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Testing.Anvil;

/// <summary>
/// A real Anvil node on a free port, shared by the test projects that need a chain. The binary is
/// found through COMMERCE_ANVIL, else $COMMERCE_CACHE_DIR/anvil, else ~/.cache/commerce/anvil
/// (where scripts/install-deps.sh puts it). Killed on dispose.
/// </summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    public const ulong ChainId = 31337;

    /// <summary>The first dev accounts of the mnemonic "test test ... junk" (funded by Anvil).</summary>
    public static readonly EthPrivateKey[] DevKeys =
    [
        EthPrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
        EthPrivateKey.FromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
        EthPrivateKey.FromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"),
    ];

    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(30);

    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public JsonRpcClient Rpc { get; private set; } = null!;

    public EthClient Eth { get; private set; } = null!;

    public AnvilClient Anvil { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var binary = FindBinary();
        // The free port is found by binding port 0 and letting it go; if another process takes it
        // before Anvil does, Anvil exits at once and a new port is tried.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync(binary, FreePort());
                break;
            }
            catch (AnvilExitedException) when (attempt < 3)
            {
                _process?.Dispose();
            }
        }
        Rpc = new JsonRpcClient(Http, new JsonRpcClientOptions { Endpoint = Endpoint, MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(50) });
        Eth = new EthClient(Rpc);
        Anvil = new AnvilClient(Rpc);
    }

    private async Task StartAsync(string binary, int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process = new Process
        {
            StartInfo = new ProcessStartInfo(binary)
            {
                ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent" },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            },
        };
        // Drain both pipes so a chatty node can never block on a full pipe; keep the last lines for errors.
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null)
                return;
            output.Enqueue(e.Data);
            while (output.Count > 50)
                output.TryDequeue(out string? _);
        };
        _process.OutputDataReceived += keep;
        _process.ErrorDataReceived += keep;
        if (!_process.Start())
            throw new InvalidOperationException($"could not start {binary}");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Fail fast on startup problems: no retries while waiting for the port to open.
        var probe = new JsonRpcClient(Http, new JsonRpcClientOptions { Endpoint = Endpoint, MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(2) });
        var deadline = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            if (_process.HasExited)
                throw new AnvilExitedException($"anvil exited with code {_process.ExitCode} before answering on port {port}: {string.Join(" | ", output)}");
            try
            {
                var chainId = await probe.SendAsync(EthRpc.ChainId());
                if (chainId != ChainId)
                    throw new InvalidOperationException($"expected anvil's chain id {ChainId}, got {chainId}");
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < StartupDeadline)
            {
                await poll.WaitForNextTickAsync();
            }
            catch (HttpRequestException e)
            {
                throw new TimeoutException($"anvil did not answer eth_chainId on {Endpoint} within {StartupDeadline}", e);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        Http.Dispose();
        return Task.CompletedTask;
    }

    private static string FindBinary()
    {
        var explicitPath = Environment.GetEnvironmentVariable("COMMERCE_ANVIL");
        var cacheDir = Environment.GetEnvironmentVariable("COMMERCE_CACHE_DIR")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "commerce");
        var path = string.IsNullOrEmpty(explicitPath) ? Path.Combine(cacheDir, "anvil") : explicitPath;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Anvil not found at {path}: run scripts/install-deps.sh (or set COMMERCE_ANVIL)", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class AnvilExitedException(string message) : Exception(message);
}
