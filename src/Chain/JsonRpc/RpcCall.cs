using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commerce.Chain.JsonRpc;

/// <summary>One JSON-RPC request and how to read its result: send it alone or add it to a batch.</summary>
public sealed record RpcCall<T>(string Method, JsonArray Params, Func<JsonElement, T> ReadResult);
