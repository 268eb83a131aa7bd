using System.Text.Json.Serialization;
using Commerce.Payments.Deposits;
using Commerce.Payments.Watcher;

namespace Commerce.Payments.Following;

/// <summary>
/// The stored rows of both watchers (state types payments.checkout-watcher and payments.deposit-watcher), camelCase:
/// the JSON shape written since their first version, so a row an older build wrote loads as it is.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FollowerState<TrackedLog>))]
[JsonSerializable(typeof(FollowerState<TrackedDeposit>))]
internal sealed partial class FollowerJsonContext : JsonSerializerContext;
