using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Chain.Crypto;

namespace Commerce.Benchmarks.Orders;

/// <summary>
/// The platform as a user runs it: <c>commerce serve</c> as a child process, embedded Kafka, SQLite, and its own dev
/// chain (Anvil, 1 s blocks, the contracts deployed), with a seed catalog of one "bench" collection of unique items.
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    public const string Collection = "bench";

    private readonly Process _process;
    private readonly string _directory;

    private HostUnderTest(Process process, string directory, Uri url, JsonElement chain)
    {
        _process = process;
        _directory = directory;
        Url = url;
        Chain = chain;
    }

    public Uri Url { get; }

    /// <summary>The answer of <c>GET /api/chain</c>.</summary>
    public JsonElement Chain { get; }

    public Uri RpcUrl => new(Chain.GetProperty("rpcUrl").GetString()!);

    public EthAddress Checkout => EthAddress.Parse(Chain.GetProperty("checkout").GetString());

    public EthAddress CollectionContract => EthAddress.Parse(Chain.GetProperty("collections").GetProperty(Collection).GetString());

    public ulong ChainId => Chain.GetProperty("chainId").GetUInt64();

    public string LogPath => Path.Combine(_directory, "host.log");

    /// <param name="extraArguments">More <c>--Section:Key value</c> pairs for the host (the chat benchmark lifts the chat limit).</param>
    public static async Task<HostUnderTest> StartAsync(string repositoryRoot, int items, EthPrivateKey quoteKey, TimeSpan startup,
        IReadOnlyList<string>? extraArguments = null)
    {
        var dll = Path.Combine(repositoryRoot, "src", "Host", "bin", "Release", "net10.0", "commerce.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"build the host first: dotnet build src/Host -c Release ({dll} is missing)");
        var directory = Directory.CreateTempSubdirectory("commerce-bench-orders-").FullName;
        var catalog = Path.Combine(directory, "catalog.json");
        await File.WriteAllTextAsync(catalog, JsonSerializer.Serialize(new
        {
            collections = new[]
            {
                new
                {
                    name = Collection,
                    currency = "ETH",
                    items = Enumerable.Range(1, items).Select(i => new { tokenId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), rarity = "legendary", edition = 1, supply = 1, listPrice = 0.01m }),
                },
            },
        }));
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll, "serve", "--Urls", url.ToString().TrimEnd('/'), "--Kafka:BootstrapServers", "", "--Chain:Embedded", "true",
                "--Catalog:SeedFile", catalog, "--Store:ConnectionString", $"Data Source={Path.Combine(directory, "bench.db")}",
                "--Pricing:QuoteKey", quoteKey.ExportHex(), "--Logging:LogLevel:Default", "Warning",
                // A thousand players share loopback here: per-IP limits would measure the limiter, not the platform.
                "--RateLimits:PerIp", "false",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in extraArguments ?? [])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
        var log = new StreamWriter(Path.Combine(directory, "host.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the host exited with code {process.ExitCode} during start; see {Path.Combine(directory, "host.log")}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    break;
            }
            catch (HttpRequestException)
            {
            }
            if (deadline.Elapsed > startup)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the host was not ready within {startup}; see {Path.Combine(directory, "host.log")}");
            }
            await Task.Delay(200); // polling the readiness endpoint of a starting process
        }
        var chain = await http.GetFromJsonAsync<JsonElement>("/api/chain");
        return new HostUnderTest(process, directory, url, chain);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
