using System.Text.Json.Serialization;
using Commerce.Actors.Custody;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;

namespace Commerce.Actors.Serialization;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlayerSessionState))]
[JsonSerializable(typeof(NftItemState))]
[JsonSerializable(typeof(OrderState))]
[JsonSerializable(typeof(CustodyAccountState))]
[JsonSerializable(typeof(InterestRecorded))]
public sealed partial class GrainJsonContext : JsonSerializerContext;
