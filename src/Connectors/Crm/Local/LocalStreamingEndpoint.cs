using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Commerce.Connectors.Crm.Local;

/// <summary>The local CRM's CometD endpoint: /meta/handshake, /meta/subscribe (with the replay extension), /meta/connect (long poll).</summary>
public static class LocalStreamingEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, LocalCrm crm)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        if (body.RootElement.ValueKind != JsonValueKind.Array || body.RootElement.GetArrayLength() == 0)
            return LocalCrmApi.Json(400, """[{"successful":false,"error":"400::bad message"}]""");
        var message = body.RootElement[0];
        var channel = message.TryGetProperty("channel", out var c) ? c.GetString() : null;
        var clientId = message.TryGetProperty("clientId", out var id) ? id.GetString() : null;
        switch (channel)
        {
            case "/meta/handshake":
                var handed = crm.Changes.Handshake();
                return Reply(new { channel, clientId = handed, successful = true, version = "1.0", supportedConnectionTypes = new[] { "long-polling" },
                    advice = new { reconnect = "retry", timeout = (long)crm.Options.Local.LongPollHold.TotalMilliseconds, interval = 0 } });
            case "/meta/subscribe":
                var subscription = message.TryGetProperty("subscription", out var s) ? s.GetString() : null;
                if (!crm.Changes.Knows(clientId))
                    return Reply(new { channel, subscription, successful = false, error = "403::Unknown client", advice = new { reconnect = "handshake" } });
                if (subscription != crm.Options.ChangeChannel)
                    return Reply(new { channel, subscription, successful = false, error = $"400::The channel you requested to subscribe to does not exist {{{subscription}}}" });
                var replay = -1L;
                if (message.TryGetProperty("ext", out var ext) && ext.TryGetProperty("replay", out var map) && map.TryGetProperty(subscription, out var r))
                    replay = r.ValueKind == JsonValueKind.Number ? r.GetInt64() : long.MinValue;
                var error = crm.Changes.Subscribe(clientId!, replay);
                return error is null
                    ? Reply(new { channel, clientId, subscription, successful = true })
                    : Reply(new { channel, clientId, subscription, successful = false, error });
            case "/meta/connect":
                var deliveries = await crm.Changes.ConnectAsync(clientId ?? "", crm.Options.Local.LongPollHold, crm.Clock, http.RequestAborted);
                if (deliveries is null)
                    return Reply(new { channel, successful = false, error = "403::Unknown client", advice = new { reconnect = "handshake" } });
                var reply = JsonSerializer.SerializeToUtf8Bytes(new { channel, clientId, successful = true, advice = new { reconnect = "retry", interval = 0 } });
                return new LocalConnectAnswer(deliveries, reply);
            case "/meta/disconnect":
                return Reply(new { channel, clientId, successful = true });
            default:
                return Reply(new { channel, successful = false, error = "400::unknown channel" });
        }
    }

    private static IResult Reply(object message) =>
        Results.Bytes(Encoding.UTF8.GetBytes("[" + JsonSerializer.Serialize(message) + "]"), "application/json");
}
