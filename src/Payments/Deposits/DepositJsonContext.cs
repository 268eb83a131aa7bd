using System.Text.Json.Serialization;
using Commerce.Payments.Following;

namespace Commerce.Payments.Deposits;

/// <summary>The deposit watcher's stored row (state type payments.deposit-watcher): the JSON shape written since the first version.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FollowerState<TrackedDeposit>))]
internal sealed partial class DepositJsonContext : JsonSerializerContext;
