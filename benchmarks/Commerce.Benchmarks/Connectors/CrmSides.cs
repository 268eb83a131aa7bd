using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Commerce.Connectors.Crm.Api;
using Commerce.Connectors.Crm.Local;
using Commerce.Connectors.Crm.Sources;
using Commerce.Connectors.Http;
using Commerce.Connectors.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Refit;

namespace Commerce.Benchmarks.Connectors;

/// <summary>
/// The CRM source's two sides apart (`--parts`): the local CRM's own side (a real org's servers pay it, not the
/// connector), and the connector's client side on responses serialized once before the clock starts.
/// </summary>
public static class CrmSides
{
    /// <summary>
    /// The local CRM serving every retained event over HTTP to a minimal client (handshake, subscribe from -2, connects
    /// whose bodies are read and dropped): Kestrel, the change log, each response's bytes.
    /// </summary>
    public static async Task ServerAsync(LocalCrm crm, Uri address, int count)
    {
        using var http = new HttpClient { BaseAddress = address };
        await ConnectorParts.Measure("CRM local server alone (HTTP, bodies dropped)", count, async () =>
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = crm.Options.Local.ClientId, ["client_secret"] = crm.Options.Local.ClientSecret,
            });
            using var token = JsonDocument.Parse(await (await http.PostAsync("/services/oauth2/token", form)).Content.ReadAsStringAsync());
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
            var path = $"/cometd/{crm.Options.ApiVersion}";
            using var shake = JsonDocument.Parse(await Post(http, path, """[{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["long-polling"]}]"""));
            var client = shake.RootElement[0].GetProperty("clientId").GetString();
            var channel = crm.Options.ChangeChannel;
            await Post(http, path, $$"""[{"channel":"/meta/subscribe","clientId":"{{client}}","subscription":"{{channel}}","ext":{"replay":{"{{channel}}":-2""" + "}}}]");
            var connect = $$"""[{"channel":"/meta/connect","clientId":"{{client}}","connectionType":"long-polling"}]""";
            var buffer = new byte[1 << 16];
            for (var read = 0; read < count; read += Deliveries)
            {
                using var response = await http.PostAsync(path, new StringContent(connect, Encoding.UTF8, "application/json"));
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(buffer) > 0)
                {
                }
            }
        });
    }

    /// <summary>
    /// The connector's CRM source on connect responses made before the clock starts (as the local CRM makes them) and
    /// answered from memory: Refit, reading the body, the JSON, the mapping and the event ids, no socket, no server.
    /// </summary>
    public static async Task ClientAsync(LocalCrm crm, Func<Action<IServiceCollection>, IHost> host, int count)
    {
        var replay = new ReplayHandler(Responses(crm), crm.Options.ChangeChannel);
        using var alone = host(services => services.AddTransient(_ =>
            RestService.For<ISalesforceStreamingApi>(new HttpClient(replay) { BaseAddress = new Uri("http://crm.invalid") }, ConnectorHttp.Settings)));
        await ConnectorParts.SourceAsync("CRM client alone (saved responses, no HTTP)   ", alone.Services.GetRequiredService<CrmChangeSource>(),
            new Dictionary<string, string> { [CrmChangeSource.ReplayStream] = CrmChangeSource.AllRetained }, count);
    }

    /// <summary>Events per connect response of the local CRM.</summary>
    private const int Deliveries = 2_000;

    private static List<byte[]> Responses(LocalCrm crm)
    {
        var client = crm.Changes.Handshake();
        crm.Changes.Subscribe(client, -2);
        var reply = JsonSerializer.SerializeToUtf8Bytes(new { channel = "/meta/connect", clientId = client, successful = true, advice = new { reconnect = "retry", interval = 0 } });
        var responses = new List<byte[]>();
        while (crm.Changes.ConnectAsync(client, TimeSpan.Zero, crm.Clock, CancellationToken.None).GetAwaiter().GetResult() is { Count: > 0 } deliveries)
        {
            var answer = new ArrayBufferWriter<byte>();
            new LocalConnectAnswer(deliveries, reply).WriteTo(answer);
            responses.Add(answer.WrittenSpan.ToArray());
        }
        return responses;
    }

    /// <summary>Answers the handshake and the subscription, then each connect with the next saved response.</summary>
    private sealed class ReplayHandler(List<byte[]> responses, string channel) : HttpMessageHandler
    {
        private int _next;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = await request.Content!.ReadAsStringAsync(ct);
            byte[] answer;
            if (body.Contains("/meta/handshake", StringComparison.Ordinal))
                answer = Encoding.UTF8.GetBytes("""[{"channel":"/meta/handshake","clientId":"replay","successful":true,"version":"1.0","supportedConnectionTypes":["long-polling"]}]""");
            else if (body.Contains("/meta/subscribe", StringComparison.Ordinal))
                answer = Encoding.UTF8.GetBytes($$"""[{"channel":"/meta/subscribe","clientId":"replay","subscription":"{{channel}}","successful":true}]""");
            else if (_next < responses.Count)
                answer = responses[_next++];
            else
                answer = """[{"channel":"/meta/connect","clientId":"replay","successful":true}]"""u8.ToArray();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answer) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };
        }
    }

    private static async Task<string> Post(HttpClient http, string path, string json)
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
