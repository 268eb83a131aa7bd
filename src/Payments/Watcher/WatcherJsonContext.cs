using System.Text.Json.Serialization;
using Commerce.Payments.Following;

namespace Commerce.Payments.Watcher;

/// <summary>The Checkout watcher's stored row (state type payments.checkout-watcher): the JSON shape written since the first version.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FollowerState<TrackedLog>))]
internal sealed partial class WatcherJsonContext : JsonSerializerContext;
