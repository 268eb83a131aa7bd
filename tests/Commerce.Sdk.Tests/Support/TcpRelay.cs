using System.Net;
using System.Net.Sockets;

namespace Commerce.Sdk.Tests.Support;

/// <summary>
/// A TCP relay on a free loopback port in front of a real server, so a test can cut the network for real:
/// <see cref="DropAll"/> resets every open connection, and while <see cref="Refusing"/> is set new connections are
/// closed at once (the client sees connect failures and backs off).
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TcpClient Inbound, TcpClient Outbound)> _open = [];
    private readonly Task _accepting;
    private int _accepted;
    private volatile bool _refusing;

    public TcpRelay(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    /// <summary>Connections accepted so far (refused ones included).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public bool Refusing
    {
        get => _refusing;
        set => _refusing = value;
    }

    /// <summary>Resets every open connection (both sides see an abrupt close).</summary>
    public void DropAll()
    {
        lock (_open)
        {
            foreach (var (inbound, outbound) in _open)
            {
                Reset(inbound);
                outbound.Close();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        DropAll();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _accepted);
            if (Refusing)
            {
                Reset(inbound);
                continue;
            }

            var outbound = new TcpClient();
            await outbound.ConnectAsync(_target, _stop.Token);
            lock (_open)
            {
                _open.Add((inbound, outbound));
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    /// <summary>Closes with a TCP reset (linger 0), as a dropped network would look; a client already closed stays closed.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        client.Close();
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // The other side went away, or the test dropped the connection.
        }
        finally
        {
            from.Close();
            to.Close();
        }
    }
}
