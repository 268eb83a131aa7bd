using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;

namespace Commerce.Benchmarks.Orders;

/// <summary>
/// One simulated player: its own key, a signed-in session (SIWE), its push WebSocket, and its wallet's next nonce.
/// Waiters for an order reaching a status are completed by the pushes (OrderUpdated), as a game client sees them.
/// </summary>
internal sealed class BenchPlayer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string OrderId, string Status), TaskCompletionSource> _waiters = new();
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reading;
    private long _nonce;

    private BenchPlayer(EthPrivateKey key, string token)
    {
        Key = key;
        Token = token;
    }

    public EthPrivateKey Key { get; }

    public string Token { get; }

    public EthAddress Wallet => Key.Address;

    /// <summary>The next nonce of this wallet (the player sends nothing else).</summary>
    public ulong TakeNonce() => (ulong)(Interlocked.Increment(ref _nonce) - 1);

    public static async Task<BenchPlayer> SignInAsync(HttpClient http, Uri baseUrl)
    {
        var key = EthPrivateKey.Generate();
        using var challengeResponse = await http.PostAsJsonAsync("/api/auth/challenge", new { address = key.Address.ToString() });
        challengeResponse.EnsureSuccessStatusCode();
        var message = (await challengeResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!;
        using var signIn = await http.PostAsJsonAsync("/api/auth/sign-in", new { message, signature = PersonalMessage.Sign(key, message) });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var player = new BenchPlayer(key, token);
        player._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        await player._socket.ConnectAsync(new Uri($"ws://{baseUrl.Authority}/api/push"), CancellationToken.None);
        player._reading = Task.Run(player.ReadAsync);
        return player;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return request;
    }

    /// <summary>Completes when a push says <paramref name="orderId"/> reached <paramref name="status"/> (or at once if it did already).</summary>
    public Task WhenAsync(string orderId, string status) =>
        _waiters.GetOrAdd((orderId, status), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var frame = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                Dispatch(frame.ToArray());
                frame.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }

    private void Dispatch(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.GetProperty("type").GetString() != "OrderUpdated")
            return;
        var payload = root.GetProperty("payload");
        var orderId = payload.GetProperty("orderId").GetString()!;
        var status = payload.GetProperty("status").GetString()!;
        _waiters.GetOrAdd((orderId, status), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
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
        _stop.Dispose();
    }
}
