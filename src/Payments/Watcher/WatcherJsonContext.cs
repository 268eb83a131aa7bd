using System.Text.Json.Serialization;

namespace Commerce.Payments.Watcher;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WatcherState))]
internal sealed partial class WatcherJsonContext : JsonSerializerContext;
