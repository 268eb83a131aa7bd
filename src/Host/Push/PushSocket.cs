using System.Net.WebSockets;

namespace Commerce.Host.Push;

/// <summary>
/// Serves one accepted push-style WebSocket: the frames read from history first, then the connection's live frames,
/// each sequence number once and in order; a client too slow to keep up is closed (it resumes from its cursor).
/// </summary>
public static class PushSocket
{
    public static async Task ServeAsync(WebSocket socket, PushConnection connection, Func<CancellationToken, Task<IReadOnlyList<PushFrame>>> history,
        long cursor, CancellationToken aborted)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = DrainIncomingAsync(socket, closed);
        try
        {
            var lastSent = cursor;
            foreach (var frame in await history(closed.Token))
            {
                if (frame.Seq <= lastSent)
                    continue;
                await SendAsync(socket, frame, closed.Token);
                lastSent = frame.Seq;
            }
            await foreach (var frame in connection.Frames.ReadAllAsync(closed.Token))
            {
                if (frame.Seq <= lastSent)
                    continue; // already sent from history, or a redelivered outbox record
                await SendAsync(socket, frame, closed.Token);
                lastSent = frame.Seq;
            }
            if (connection.Overflowed && socket.State == WebSocketState.Open)
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "too slow: reconnect with your cursor", CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away; it resumes from its cursor.
        }
        finally
        {
            await closed.CancelAsync();
            await receiving;
        }
    }

    private static Task SendAsync(WebSocket socket, PushFrame frame, CancellationToken ct) =>
        socket.SendAsync(frame.ToUtf8(), WebSocketMessageType.Text, true, ct).AsTask();

    private static async Task DrainIncomingAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }
}
