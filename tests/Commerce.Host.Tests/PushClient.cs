using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Commerce.Host.Tests;

/// <summary>A raw WebSocket on /api/push (or another push-style socket, such as an auction's watch) that collects the frames it receives.</summary>
internal sealed class PushClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reading;

    public List<JsonElement> Frames { get; } = [];

    public static async Task<PushClient> ConnectAsync(string baseUrl, string token, long? cursor = null, string path = "/api/push")
    {
        var client = new PushClient();
        client._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        var uri = new Uri($"{baseUrl.Replace("http://", "ws://")}{path}{(cursor is null ? "" : $"?cursor={cursor}")}");
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._reading = client.ReadAsync();
        return client;
    }

    public IReadOnlyList<long> Seqs
    {
        get { lock (Frames) return Frames.Select(f => f.GetProperty("seq").GetInt64()).ToList(); }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                // A receive may return part of a message (whatever payload has arrived): a push is whole at its end.
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                lock (Frames) Frames.Add(frame);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None); }
            catch (WebSocketException) { }
        }
        await _stop.CancelAsync();
        if (_reading is not null) await _reading;
        _socket.Dispose();
    }
}
