using System.Text.Json.Serialization;

namespace Commerce.Host.Api.Responses;

/// <summary>The API's own response records (not grain states), serialized as the rest of the API (web defaults, camelCase).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlayerView))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(PlayerOrderView))]
[JsonSerializable(typeof(MyOrdersPage))]
public sealed partial class ResponseJsonContext : JsonSerializerContext;
