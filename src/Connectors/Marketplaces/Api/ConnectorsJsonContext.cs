using System.Text.Json.Serialization;

namespace Commerce.Connectors.Marketplaces.Api;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MarketplaceWebhookReceipt))]
internal sealed partial class ConnectorsJsonContext : JsonSerializerContext;
