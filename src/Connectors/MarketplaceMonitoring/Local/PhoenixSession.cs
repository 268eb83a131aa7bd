using System.Net.WebSockets;
using System.Text.Json;

namespace Commerce.Connectors.MarketplaceMonitoring.Local;

/// <summary>
/// One stream client of the simulated marketplace, in the Phoenix channels protocol (JSON v1 messages
/// { topic, event, payload, ref }): phx_join and heartbeat are answered with phx_reply; events of the joined
/// collections are pushed as they happen.
/// </summary>
public static class PhoenixSession
{
    public static async Task RunAsync(WebSocket socket, LocalMarketplace market, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var joined = new HashSet<string>(StringComparer.Ordinal);
        var gate = new SemaphoreSlim(1, 1);
        var events = market.Subscribe(stop.Token);
        var push = Task.Run(async () =>
        {
            await foreach (var message in events.ReadAllAsync(stop.Token))
            {
                using var doc = JsonDocument.Parse(message);
                bool wanted;
                lock (joined)
                    wanted = joined.Contains(doc.RootElement.GetProperty("topic").GetString()!);
                if (wanted)
                    await SendAsync(socket, gate, message, stop.Token);
            }
        }, stop.Token);
        var buffer = new byte[16 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                var root = doc.RootElement;
                var topic = root.GetProperty("topic").GetString()!;
                var type = root.GetProperty("event").GetString();
                var reference = root.TryGetProperty("ref", out var r) ? r.ToString() : null;
                if (type == "phx_join" && topic.StartsWith("collection:", StringComparison.Ordinal))
                {
                    lock (joined)
                        joined.Add(topic);
                }
                if (type is "phx_join" or "heartbeat")
                {
                    var reply = JsonSerializer.SerializeToUtf8Bytes(new { topic, @event = "phx_reply", payload = new { status = "ok", response = new { } }, @ref = reference });
                    await SendAsync(socket, gate, reply, ct);
                }
            }
        }
        catch (WebSocketException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await push;
            }
            catch (OperationCanceledException)
            {
            }
            catch (WebSocketException)
            {
            }
        }
    }

    private static async Task SendAsync(WebSocket socket, SemaphoreSlim gate, byte[] message, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            gate.Release();
        }
    }

}
