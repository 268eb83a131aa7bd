using System.Text.Json.Serialization;

namespace Commerce.Payments.Deposits;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DepositWatcherState))]
internal sealed partial class DepositJsonContext : JsonSerializerContext;
