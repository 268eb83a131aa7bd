using System.Text.Json;
using Commerce.Connectors.Crm.Api;

namespace Commerce.Connectors.Crm.Sources;

/// <summary>
/// One CometD client session on the Streaming API: handshake, subscribe to the change channel from a replay id
/// (-2: every retained event, -1: new ones only, otherwise the id of the last event processed, sent back as given),
/// then long-poll connects.
/// </summary>
public sealed class BayeuxSession(ISalesforceStreamingApi api, string version, string channel)
{
    /// <summary>The channel of connect replies, as UTF-8 (compared with a message's channel without decoding it).</summary>
    public static ReadOnlySpan<byte> ConnectChannel => "/meta/connect"u8;

    public string? ClientId { get; private set; }

    public async Task HandshakeAsync(CancellationToken ct)
    {
        var answer = await api.SendAsync(version,
            [new BayeuxMessage { Channel = "/meta/handshake", Version = "1.0", SupportedConnectionTypes = ["long-polling"] }], ct);
        var reply = answer.FirstOrDefault(m => m.Channel == "/meta/handshake");
        if (reply is not { Successful: true, ClientId: { Length: > 0 } id })
            throw new BayeuxException($"handshake refused: {reply?.Error ?? "no reply"}", reply?.Advice?.Reconnect);
        ClientId = id;
    }

    /// <summary>Subscribes from <paramref name="replayId"/> (raw JSON, as the server gave it, or -1/-2); null when accepted, else the server's error.</summary>
    public async Task<string?> SubscribeAsync(string replayId, CancellationToken ct)
    {
        using var ext = JsonDocument.Parse($"{{\"replay\":{{{JsonSerializer.Serialize(channel)}:{replayId}}}}}");
        var answer = await api.SendAsync(version,
            [new BayeuxMessage { Channel = "/meta/subscribe", ClientId = ClientId, Subscription = channel, Ext = ext.RootElement.Clone() }], ct);
        var reply = answer.FirstOrDefault(m => m.Channel == "/meta/subscribe");
        return reply is { Successful: true } ? null : reply?.Error ?? "no reply to the subscription";
    }

    /// <summary>
    /// A long-poll connect; its answer (the connect reply and the event deliveries, in any order) as one JSON document
    /// read straight from the body, whose root is the message array. The caller disposes it.
    /// </summary>
    public async Task<JsonDocument> ConnectAsync(CancellationToken ct)
    {
        await using var body = await api.SendForBodyAsync(version,
            [new BayeuxMessage { Channel = "/meta/connect", ClientId = ClientId, ConnectionType = "long-polling" }], ct);
        var answer = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        if (answer.RootElement.ValueKind != JsonValueKind.Array)
        {
            answer.Dispose();
            throw new BayeuxException("connect answer: not a message array", null);
        }
        return answer;
    }
}
