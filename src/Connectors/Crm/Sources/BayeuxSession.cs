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

    public Task<List<BayeuxMessage>> ConnectAsync(CancellationToken ct) =>
        api.SendAsync(version, [new BayeuxMessage { Channel = "/meta/connect", ClientId = ClientId, ConnectionType = "long-polling" }], ct);
}
