using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Node;

/// <summary>
/// A local Anvil node run as a child process on a free loopback port: for the embedded dev chain and the tests.
/// Killed on <see cref="DisposeAsync"/>, when this process exits normally, and (on Unix, through a small
/// <c>/bin/sh</c> watchdog that runs it) within a second of this process dying without a chance to clean up.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    /// <summary>Anvil's chain id.</summary>
    public const ulong ChainId = 31337;

    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(30);

    // $0 is the anvil binary, $1 the pid to outlive, the rest anvil's arguments. Anvil is killed when the watched
    // process is gone or this shell is told to stop; the shell ends with anvil's exit code.
    private const string Watchdog =
        "parent=$1; shift; \"$0\" \"$@\" & child=$!; trap 'kill $child 2>/dev/null; wait $child; exit 143' TERM INT HUP; " +
        "while kill -0 \"$parent\" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; " +
        "kill $child 2>/dev/null; wait $child";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly EventHandler _onExit;
    private int _disposed;

    private AnvilNode(Process process, ConcurrentQueue<string> output, Uri endpoint, string binary)
    {
        _process = process;
        _output = output;
        Endpoint = endpoint;
        Binary = binary;
        _onExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
    }

    /// <summary>The node's JSON-RPC endpoint, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The binary that runs.</summary>
    public string Binary { get; }

    /// <summary>True while the node process runs.</summary>
    public bool IsRunning => Volatile.Read(ref _disposed) == 0 && !_process.HasExited;

    /// <summary>The last lines Anvil printed (for error messages).</summary>
    public string RecentOutput => string.Join(" | ", _output);

    /// <summary>
    /// CPU time the node has used so far (benchmarks print it: on a shared machine it says who was busy). Under the
    /// watchdog shell the node is that shell's child, found through /proc; zero once it has exited.
    /// </summary>
    public TimeSpan CpuTime
    {
        get
        {
            if (!IsRunning)
                return TimeSpan.Zero;
            var node = NodeProcessId() is { } pid ? TryGetProcess(pid) : null;
            using (node)
            {
                if (node is null)
                    return TimeSpan.Zero;
                node.Refresh();
                return node.TotalProcessorTime;
            }
        }
    }

    private int? NodeProcessId()
    {
        if (_process.StartInfo.FileName != "/bin/sh")
            return _process.Id;
        var children = $"/proc/{_process.Id}/task/{_process.Id}/children";
        if (!File.Exists(children))
            return null;
        var first = File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null; // exited in between
        }
    }

    /// <summary>
    /// The Anvil binary: <paramref name="explicitPath"/> when given, else COMMERCE_ANVIL, else $COMMERCE_CACHE_DIR/anvil,
    /// else ~/.cache/commerce/anvil (where scripts/install-deps.sh puts it). Throws <see cref="FileNotFoundException"/> naming where it looked.
    /// </summary>
    public static string FindBinary(string? explicitPath = null)
    {
        if (string.IsNullOrWhiteSpace(explicitPath))
            explicitPath = Environment.GetEnvironmentVariable("COMMERCE_ANVIL");
        var cacheDir = Environment.GetEnvironmentVariable("COMMERCE_CACHE_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "commerce");
        var path = string.IsNullOrWhiteSpace(explicitPath) ? Path.Combine(cacheDir, "anvil") : explicitPath;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Anvil not found at {path}: run scripts/install-deps.sh (or set Chain:AnvilPath / COMMERCE_ANVIL)", path);
    }

    /// <summary>
    /// Starts <paramref name="binary"/> on a free port with <paramref name="arguments"/> (e.g. "--block-time", "1") and waits until
    /// it answers eth_chainId with 31337. A port taken between choosing and binding is retried on another port.
    /// </summary>
    public static Task<AnvilNode> StartAsync(string binary, IReadOnlyList<string>? arguments = null, CancellationToken ct = default) =>
        StartAsync(binary, arguments, Environment.ProcessId, ct);

    /// <summary>As <see cref="StartAsync(string, IReadOnlyList{string}?, CancellationToken)"/>, but the node outlives process <paramref name="ownerProcessId"/> by at most a second (Unix).</summary>
    public static async Task<AnvilNode> StartAsync(string binary, IReadOnlyList<string>? arguments, int ownerProcessId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(binary);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(binary, FreePort(), arguments ?? [], ownerProcessId, ct).ConfigureAwait(false);
            }
            catch (AnvilExitedException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<AnvilNode> StartOnceAsync(string binary, int port, IReadOnlyList<string> arguments, int ownerProcessId, CancellationToken ct)
    {
        var anvilArguments = new List<string> { "--port", port.ToString(CultureInfo.InvariantCulture), "--silent" };
        anvilArguments.AddRange(arguments);
        var start = OperatingSystem.IsWindows() || !File.Exists("/bin/sh")
            ? new ProcessStartInfo(binary)
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", Watchdog, binary, ownerProcessId.ToString(CultureInfo.InvariantCulture) } };
        foreach (var argument in anvilArguments)
            start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        // Drain both pipes so a chatty node never blocks on a full pipe; keep the last lines for errors.
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null)
                return;
            output.Enqueue(e.Data);
            while (output.Count > 50)
                output.TryDequeue(out string? _);
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        if (!process.Start())
            throw new InvalidOperationException($"could not start {binary}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new AnvilNode(process, output, new Uri($"http://127.0.0.1:{port}/"), binary);
        try
        {
            await node.WaitUntilAnsweringAsync(ct).ConfigureAwait(false);
            return node;
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken ct)
    {
        using var http = new HttpClient();
        // Fail fast on startup problems: no retries while waiting for the port to open.
        var probe = new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = Endpoint, MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            if (_process.HasExited)
                throw new AnvilExitedException($"anvil exited with code {_process.ExitCode} before answering on {Endpoint}: {RecentOutput}");
            try
            {
                var chainId = await probe.SendAsync(EthRpc.ChainId(), ct).ConfigureAwait(false);
                if (chainId != ChainId)
                    throw new InvalidOperationException($"expected anvil's chain id {ChainId} on {Endpoint}, got {chainId}");
                return;
            }
            catch (HttpRequestException) when (clock.Elapsed < StartupDeadline)
            {
                await poll.WaitForNextTickAsync(ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new TimeoutException($"anvil did not answer eth_chainId on {Endpoint} within {StartupDeadline}: {RecentOutput}", e);
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return ValueTask.CompletedTask;
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Anvil exited before it answered (typically: the port was taken in between).</summary>
    private sealed class AnvilExitedException(string message) : Exception(message);
}
