using System.Text.Json.Serialization;
using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Microsoft.AspNetCore.Mvc;

namespace Commerce.Host.Api;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ChallengeRequest))]
[JsonSerializable(typeof(ChallengeResponse))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(SignInResponse))]
[JsonSerializable(typeof(InterestRequest))]
[JsonSerializable(typeof(Accepted))]
[JsonSerializable(typeof(AdminTokenResponse))]
[JsonSerializable(typeof(ListItemRequest))]
[JsonSerializable(typeof(RevokeTokenRequest))]
[JsonSerializable(typeof(ItemView))]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(ChainInfoResponse))]
[JsonSerializable(typeof(FaucetResponse))]
[JsonSerializable(typeof(InstallmentQuoteRequest))]
[JsonSerializable(typeof(SignedQuoteResponse))]
[JsonSerializable(typeof(PaymentInstructions))]
[JsonSerializable(typeof(IReadOnlyList<OwnedNft>))]
[JsonSerializable(typeof(PlayerSessionState))]
[JsonSerializable(typeof(NftItemState))]
[JsonSerializable(typeof(Commerce.Host.Auctions.OpenAuctionRequest))]
[JsonSerializable(typeof(Commerce.Host.Auctions.BidRequest))]
[JsonSerializable(typeof(Commerce.Host.Auctions.ChangeReserveRequest))]
[JsonSerializable(typeof(Commerce.Host.Auctions.CancelAuctionRequest))]
[JsonSerializable(typeof(Commerce.Host.Auctions.BidAnswer))]
[JsonSerializable(typeof(Commerce.Host.Auctions.AuctionView))]
[JsonSerializable(typeof(IReadOnlyList<Commerce.Host.Auctions.AuctionView>))]
[JsonSerializable(typeof(IReadOnlyList<Commerce.Host.Auctions.MyBidView>))]
[JsonSerializable(typeof(MyOrdersPage))]
[JsonSerializable(typeof(OrderSummary))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
