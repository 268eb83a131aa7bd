using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Hex;

namespace Commerce.Payments.Tests;

/// <summary>
/// In front of the real node, plays a provider that refuses eth_getLogs over more than
/// <paramref name="maxBlocks"/> blocks (a JSON-RPC error, as hosted nodes answer); everything else passes through.
/// </summary>
public sealed class RangeLimitingNode(ulong maxBlocks) : DelegatingHandler(new HttpClientHandler())
{
    private int _refused;

    public int Refused => _refused;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        if (JsonNode.Parse(body) is JsonObject call && call["method"]?.GetValue<string>() == "eth_getLogs"
            && call["params"]?[0] is JsonObject filter && filter["fromBlock"] is { } from && filter["toBlock"] is { } to)
        {
            var span = HexString.DecodeQuantityUInt64(to.GetValue<string>()) - HexString.DecodeQuantityUInt64(from.GetValue<string>()) + 1;
            if (span > maxBlocks)
            {
                Interlocked.Increment(ref _refused);
                var error = new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["id"] = call["id"]?.DeepClone(),
                    ["error"] = new JsonObject { ["code"] = -32005, ["message"] = $"query exceeds max block range {maxBlocks}" },
                };
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(error.ToJsonString(), Encoding.UTF8, "application/json") };
            }
        }
        var forwarded = new HttpRequestMessage(request.Method, request.RequestUri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return await base.SendAsync(forwarded, cancellationToken);
    }
}
