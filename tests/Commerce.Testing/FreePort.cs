using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Commerce.Testing;

/// <summary>
/// A TCP port for a server a test starts a moment later. Ports come from below the kernel's ephemeral range: a port
/// the OS hands out for "any port" (bind to 0) is also the range every outgoing connection takes its local port from,
/// so between the test's check and its server's bind, a Kafka, PostgreSQL or HTTP client of the same run could take it
/// (seen in CI: "address already in use" on a port that was free a moment before). Below that range only servers that
/// ask for a port by number use it. Each port is handed out once per process.
/// </summary>
public static class FreePort
{
    private const int Lowest = 20_000;
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();
    private static readonly int EphemeralStart = ReadEphemeralStart();

    public static int Next()
    {
        if (EphemeralStart - Lowest < 1_000)
            return AskTheOs();
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, EphemeralStart);
            if (HandedOut.TryAdd(port, 0) && IsFree(port))
                return port;
        }
        throw new InvalidOperationException($"no free TCP port between {Lowest} and {EphemeralStart} after 1,000 tries");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int AskTheOs()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port of Linux's ephemeral range (32768 by default); 0 where it cannot be read.</summary>
    private static int ReadEphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
