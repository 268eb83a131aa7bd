using System.Diagnostics;
using Commerce.Testing;

namespace Commerce.Host.Tests.Failover;

/// <summary>
/// One member of the two-host cluster: the built host (<c>commerce serve</c>) in a process of its own, so that a kill is a
/// real SIGKILL. Its HTTP, silo and gateway ports are chosen here (the silo port names it in the membership table); its
/// console is kept, and the ingress consumers' assignment lines in it tell which partitions it feeds.
/// </summary>
internal sealed class ClusterHost : IAsyncDisposable
{
    private const int LogLinesShown = 60;

    private readonly Process _process;
    private readonly List<string> _log = [];

    private ClusterHost(string name, Process process, string baseUrl, int siloPort)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
        SiloPort = siloPort;
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.ErrorDataReceived += (_, e) => Receive(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string BaseUrl { get; }

    public int SiloPort { get; }

    /// <summary>The partitions this host's ingress consumers own, as its log told.</summary>
    public IngressOwnership Ingress { get; } = new();

    /// <summary>The last lines of its console.</summary>
    public string Log
    {
        get { lock (_log) return $"--- {Name} ({BaseUrl}, silo port {SiloPort}), last lines:\n{string.Join('\n', _log.TakeLast(LogLinesShown))}"; }
    }

    /// <summary>Starts <c>commerce serve</c> with <paramref name="settings"/> as command-line options (section:key value).</summary>
    public static ClusterHost Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var httpPort = FreePort.Next();
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "commerce.dll"));
        start.ArgumentList.Add("serve");
        var options = new Dictionary<string, string>(settings)
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Cluster:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            // The ingress consumers say which partitions they were given and which they gave up.
            ["Logging:LogLevel:Commerce.Ingress"] = "Information",
        };
        foreach (var (key, value) in options)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the {name} host");
        return new ClusterHost(name, process, $"http://127.0.0.1:{httpPort}", siloPort);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for <c>/health/ready</c>: Kafka, the store, every grain type's ingress owning partitions, pushes.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var last = "no answer";
        await Eventually.Until(async () =>
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the {Name} host exited with {_process.ExitCode} while starting\n{Log}");
            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health/ready");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
                return false;
            }
        }, timeout, () => $"the {Name} host to report ready; last answer: {last}\n{Log}");
    }

    /// <summary>SIGKILL to the whole process tree: no shutdown, no offset commit, no goodbye to the cluster or the consumer groups.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        // COMMERCE_TEST_HOST_LOGS names a directory that keeps each host's whole console (failures show the last lines only).
        if (Environment.GetEnvironmentVariable("COMMERCE_TEST_HOST_LOGS") is { Length: > 0 } directory)
        {
            lock (_log)
                File.WriteAllLines(Path.Combine(directory, $"failover-{Name}.log"), _log);
        }
    }

    /// <summary>Keeps a console line; the consumers' assignment messages (on the line under their category) are read as they come.</summary>
    private void Receive(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.Add(line);
        Ingress.Apply(line);
    }
}
