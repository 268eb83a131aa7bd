using System.Diagnostics;
using System.Globalization;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Execution.Tests.Support;

/// <summary>
/// A real Anvil node on a free port, one per test (tests change mining modes and snapshots).
/// The binary comes from COMMERCE_ANVIL, else $COMMERCE_CACHE_DIR/anvil, else ~/.cache/commerce/anvil.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    public const ulong ChainId = 31337;

    /// <summary>Dev accounts of the mnemonic "test test ... junk" (funded by Anvil).</summary>
    public static readonly EthPrivateKey[] DevKeys =
    [
        EthPrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
        EthPrivateKey.FromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
        EthPrivateKey.FromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"),
    ];

    private readonly Process _process;

    private AnvilNode(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
        Rpc = new JsonRpcClient(Http, new JsonRpcClientOptions { Endpoint = endpoint, MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(20) });
        Eth = new EthClient(Rpc);
        Anvil = new AnvilClient(Rpc);
    }

    public Uri Endpoint { get; }

    public HttpClient Http { get; } = new();

    public JsonRpcClient Rpc { get; }

    public EthClient Eth { get; }

    public AnvilClient Anvil { get; }

    /// <summary>Starts Anvil; <paramref name="extraArguments"/> e.g. "--block-time", "1".</summary>
    public static async Task<AnvilNode> StartAsync(params string[] extraArguments)
    {
        var binary = FindBinary();
        for (var attempt = 1; ; attempt++)
        {
            var port = Commerce.Testing.FreePort.Next();
            var process = new Process
            {
                StartInfo = new ProcessStartInfo(binary)
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                },
            };
            foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--silent" }.Concat(extraArguments))
                process.StartInfo.ArgumentList.Add(argument);
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var node = new AnvilNode(process, new Uri($"http://127.0.0.1:{port}/"));
            var probe = new JsonRpcClient(node.Http, new JsonRpcClientOptions { Endpoint = node.Endpoint, MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(2) });
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                    break;
                try
                {
                    if (await probe.SendAsync(EthRpc.ChainId()) == ChainId)
                        return node;
                }
                catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(50);
                }
            }
            await node.DisposeAsync();
            if (attempt >= 3)
                throw new InvalidOperationException($"anvil did not start on a free port after {attempt} attempts");
        }
    }

    public async Task<ulong> MineAsync(int blocks = 1)
    {
        for (var i = 0; i < blocks; i++)
            await Anvil.MineAsync();
        return await Eth.GetBlockNumberAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string FindBinary()
    {
        var explicitPath = Environment.GetEnvironmentVariable("COMMERCE_ANVIL");
        var cacheDir = Environment.GetEnvironmentVariable("COMMERCE_CACHE_DIR")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "commerce");
        var path = string.IsNullOrEmpty(explicitPath) ? Path.Combine(cacheDir, "anvil") : explicitPath;
        return File.Exists(path) ? path : throw new FileNotFoundException($"Anvil not found at {path}: run scripts/install-deps.sh (or set COMMERCE_ANVIL)", path);
    }
}
