using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.MarketplaceMonitoring.Configuration;
using Commerce.Connectors.MarketplaceMonitoring.Mapping;

namespace Commerce.Connectors.MarketplaceMonitoring.Sources;

/// <summary>
/// Follows the marketplace's stream (the Phoenix channels protocol over a WebSocket, token = the API key): joins
/// <c>collection:{slug}</c> for each watched collection, sends a heartbeat on the "phoenix" topic every
/// HeartbeatInterval, and turns sales and offers into records at once. The stream is best effort (it may skip or
/// reorder); it moves no position: the REST poll is the record of what happened, and both give a fact the same id.
/// A closed or failed socket ends the read with an error, so the pipeline connects again with backoff.
/// </summary>
public sealed class PhoenixStreamSource(Func<CancellationToken, Task<Uri>> streamUrl, MarketplaceMonitoringOptions options, TimeProvider clock) : IIngestSource
{
    public string Name => "marketplace.stream";

    public async IAsyncEnumerable<IngestPage> ReadAsync(IReadOnlyDictionary<string, string> positions, [EnumeratorCancellation] CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        var url = await streamUrl(ct);
        var withToken = new UriBuilder(url) { Query = $"token={Uri.EscapeDataString(options.ApiKey ?? options.Local.ApiKey)}&vsn=1.0.0" }.Uri;
        await socket.ConnectAsync(withToken, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var send = new SemaphoreSlim(1, 1);
        var reference = 0;
        foreach (var slug in options.Collections.Keys)
            await SendAsync(socket, send, new { topic = $"collection:{slug}", @event = "phx_join", payload = new { }, @ref = (++reference).ToString() }, ct);
        var heartbeat = HeartbeatAsync(socket, send, () => (++reference).ToString(), stop.Token);
        try
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var text = await ReceiveAsync(socket, buffer, ct);
                if (text is null)
                    throw new WebSocketException("the stream closed");
                using var message = Parse(text);
                if (message is null)
                {
                    yield return IngestPage.Of(IngestUnit.Refused(new RejectedInput($"{options.Marketplace}/stream", "message: not JSON", text)));
                    continue;
                }
                var (record, refused) = StreamEventReader.Read(message.RootElement, options.Marketplace, options.Collections);
                if (record is not null)
                    yield return IngestPage.Of(IngestUnit.Of(record));
                else if (refused is not null)
                    yield return IngestPage.Of(IngestUnit.Refused(new RejectedInput($"{options.Marketplace}/stream", refused, text)));
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await heartbeat;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task HeartbeatAsync(ClientWebSocket socket, SemaphoreSlim send, Func<string> nextRef, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(options.HeartbeatInterval, clock, ct);
            await SendAsync(socket, send, new { topic = "phoenix", @event = "heartbeat", payload = new { }, @ref = nextRef() }, ct);
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim gate, object message, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await gate.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string?> ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken ct)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (message.Length > 1024 * 1024)
                throw new WebSocketException("a stream message over 1 MiB");
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }

    private static JsonDocument? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
