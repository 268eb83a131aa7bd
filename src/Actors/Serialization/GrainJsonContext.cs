using System.Text.Json.Serialization;
using Commerce.Actors.Custody;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;

namespace Commerce.Actors.Serialization;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlayerSessionState))]
[JsonSerializable(typeof(NftItemState))]
[JsonSerializable(typeof(OrderState))]
[JsonSerializable(typeof(CustodyAccountState))]
[JsonSerializable(typeof(Commerce.Actors.Auctions.AuctionDirectoryState))]
[JsonSerializable(typeof(Commerce.Actors.Auctions.JournaledBid))]
[JsonSerializable(typeof(InterestRecorded))]
[JsonSerializable(typeof(GrainRuntimeRecord))]
public sealed partial class GrainJsonContext : JsonSerializerContext;
