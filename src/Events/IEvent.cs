using System.Text.Json.Serialization;
using Commerce.Events.Auctions;
using Commerce.Events.Campaigns;
using Commerce.Events.Chain;
using Commerce.Events.Custody;
using Commerce.Events.Items;
using Commerce.Events.Market;
using Commerce.Events.Offers;
using Commerce.Events.Operations;
using Commerce.Events.Player;
using Commerce.Events.Pushes;

namespace Commerce.Events;

/// <summary>
/// A fact that crossed a topic. Implementations are immutable records named in the past tense.
/// The discriminator is the record's name; adding an event means adding a line here and to
/// <see cref="Serialization.EventJsonContext"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(InterestShown), nameof(InterestShown))]
[JsonDerivedType(typeof(LoyaltyUpdated), nameof(LoyaltyUpdated))]
[JsonDerivedType(typeof(WalletLinked), nameof(WalletLinked))]
[JsonDerivedType(typeof(ItemListed), nameof(ItemListed))]
[JsonDerivedType(typeof(ItemInterestRegistered), nameof(ItemInterestRegistered))]
[JsonDerivedType(typeof(ReservationRequested), nameof(ReservationRequested))]
[JsonDerivedType(typeof(ReservationReleased), nameof(ReservationReleased))]
[JsonDerivedType(typeof(ReservationExpired), nameof(ReservationExpired))]
[JsonDerivedType(typeof(ItemSold), nameof(ItemSold))]
[JsonDerivedType(typeof(ItemPaidFor), nameof(ItemPaidFor))]
[JsonDerivedType(typeof(Orders.OrderPlaced), nameof(Orders.OrderPlaced))]
[JsonDerivedType(typeof(Orders.PaymentObserved), nameof(Orders.PaymentObserved))]
[JsonDerivedType(typeof(Orders.OrderTimedOut), nameof(Orders.OrderTimedOut))]
[JsonDerivedType(typeof(Orders.OrderCancellationRequested), nameof(Orders.OrderCancellationRequested))]
[JsonDerivedType(typeof(Orders.OrderCancellationRefused), nameof(Orders.OrderCancellationRefused))]
[JsonDerivedType(typeof(Orders.DeliveryUpdated), nameof(Orders.DeliveryUpdated))]
[JsonDerivedType(typeof(OrderUpdated), nameof(OrderUpdated))]
[JsonDerivedType(typeof(CreditedRefundPaid), nameof(CreditedRefundPaid))]
[JsonDerivedType(typeof(Orders.ItemReserved), nameof(Orders.ItemReserved))]
[JsonDerivedType(typeof(Orders.ReservationRefused), nameof(Orders.ReservationRefused))]
[JsonDerivedType(typeof(PlayerPushed), nameof(PlayerPushed))]
[JsonDerivedType(typeof(DeadLettered), nameof(DeadLettered))]
[JsonDerivedType(typeof(BrokerEpochStarted), nameof(BrokerEpochStarted))]
[JsonDerivedType(typeof(ChatIntentDetected), nameof(ChatIntentDetected))]
[JsonDerivedType(typeof(BidPlaced), nameof(BidPlaced))]
[JsonDerivedType(typeof(FloorPriceChanged), nameof(FloorPriceChanged))]
[JsonDerivedType(typeof(SaleRecorded), nameof(SaleRecorded))]
[JsonDerivedType(typeof(ItemSupplyChanged), nameof(ItemSupplyChanged))]
[JsonDerivedType(typeof(CampaignStarted), nameof(CampaignStarted))]
[JsonDerivedType(typeof(CampaignEnded), nameof(CampaignEnded))]
[JsonDerivedType(typeof(AirdropDelivered), nameof(AirdropDelivered))]
[JsonDerivedType(typeof(OfferMade), nameof(OfferMade))]
[JsonDerivedType(typeof(ChainCommandRequested), nameof(ChainCommandRequested))]
[JsonDerivedType(typeof(ChainTransactionUpdated), nameof(ChainTransactionUpdated))]
[JsonDerivedType(typeof(DepositObserved), nameof(DepositObserved))]
[JsonDerivedType(typeof(HoldRequested), nameof(HoldRequested))]
[JsonDerivedType(typeof(HoldCaptureRequested), nameof(HoldCaptureRequested))]
[JsonDerivedType(typeof(HoldReleaseRequested), nameof(HoldReleaseRequested))]
[JsonDerivedType(typeof(FundsHeld), nameof(FundsHeld))]
[JsonDerivedType(typeof(HoldRefused), nameof(HoldRefused))]
[JsonDerivedType(typeof(WithdrawalRequested), nameof(WithdrawalRequested))]
[JsonDerivedType(typeof(WithdrawalAccepted), nameof(WithdrawalAccepted))]
[JsonDerivedType(typeof(WithdrawalRefused), nameof(WithdrawalRefused))]
[JsonDerivedType(typeof(WithdrawalUpdated), nameof(WithdrawalUpdated))]
[JsonDerivedType(typeof(BidSubmitted), nameof(BidSubmitted))]
[JsonDerivedType(typeof(BidAccepted), nameof(BidAccepted))]
[JsonDerivedType(typeof(BidRefused), nameof(BidRefused))]
[JsonDerivedType(typeof(AuctionOpened), nameof(AuctionOpened))]
[JsonDerivedType(typeof(AuctionCancelled), nameof(AuctionCancelled))]
[JsonDerivedType(typeof(AuctionReserveChanged), nameof(AuctionReserveChanged))]
[JsonDerivedType(typeof(AuctionRefused), nameof(AuctionRefused))]
[JsonDerivedType(typeof(AuctionDeadlineReached), nameof(AuctionDeadlineReached))]
[JsonDerivedType(typeof(AuctionClosed), nameof(AuctionClosed))]
[JsonDerivedType(typeof(AuctionWinnerOffered), nameof(AuctionWinnerOffered))]
[JsonDerivedType(typeof(AuctionLost), nameof(AuctionLost))]
[JsonDerivedType(typeof(AuctionEnded), nameof(AuctionEnded))]
public interface IEvent;
