using System.Net;
using System.Net.Sockets;

namespace Commerce.Actors.Tests.Clustering;

/// <summary>
/// A TCP relay on a loopback port to <c>127.0.0.1:upstreamPort</c>. While cut, it drops the connections it carried
/// and closes every new one at once, as the death of the process behind it would look from outside.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _closing = new();
    private readonly List<TcpClient> _carried = [];
    private readonly int _upstreamPort;
    private readonly Task _accepting;
    private volatile bool _cut;

    public TcpRelay(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        lock (_carried)
        {
            foreach (var socket in _carried)
                socket.Dispose();
            _carried.Clear();
        }
    }

    public void Heal() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        Cut();
        _closing.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped: the accept loop has ended.
        }
        _closing.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_closing.IsCancellationRequested)
        {
            var downstream = await _listener.AcceptTcpClientAsync(_closing.Token);
            if (_cut)
            {
                downstream.Dispose();
                continue;
            }
            var upstream = new TcpClient();
            lock (_carried)
                _carried.AddRange([downstream, upstream]);
            _ = RelayAsync(downstream, upstream);
        }
    }

    private async Task RelayAsync(TcpClient downstream, TcpClient upstream)
    {
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _closing.Token);
            var down = downstream.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _closing.Token), up.CopyToAsync(down, _closing.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // One side closed, or the relay was cut.
        }
        finally
        {
            downstream.Dispose();
            upstream.Dispose();
            lock (_carried)
                _carried.RemoveAll(s => s == downstream || s == upstream);
        }
    }
}
