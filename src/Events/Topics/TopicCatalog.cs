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

namespace Commerce.Events.Topics;

/// <summary>Every topic the platform uses (decision D1). Nothing produces to or consumes a topic not listed here.</summary>
public static class TopicCatalog
{
    public static readonly TopicDefinition PlayerEvents = new(
        "commerce.player-events", "player id (lowercase wallet address)", 6, TopicRetention.Week,
        [typeof(InterestShown), typeof(LoyaltyUpdated), typeof(WalletLinked), typeof(ChatIntentDetected), typeof(OrderUpdated),
         typeof(AuctionWinnerOffered), typeof(AuctionLost), typeof(CreditedRefundPaid)]);

    public static readonly TopicDefinition ItemEvents = new(
        "commerce.item-events", "item id (collection:tokenId)", 6, TopicRetention.Week,
        [typeof(ItemListed), typeof(ItemInterestRegistered), typeof(ReservationRequested), typeof(ReservationReleased), typeof(ReservationExpired), typeof(ItemSold), typeof(ItemPaidFor), typeof(ItemDelisted), typeof(ItemEdited),
         typeof(BidSubmitted), typeof(AuctionEnded)]);

    /// <summary>What happens in the items' auctions, for their watchers (the auction fanout) and anyone else: every accepted bid, the close, the offers to pay, the end.</summary>
    public static readonly TopicDefinition AuctionEvents = new(
        "commerce.auction-events", "item id (collection:tokenId)", 6, TopicRetention.Day,
        [typeof(AuctionOpened), typeof(AuctionReserveChanged), typeof(AuctionCancelled), typeof(BidAccepted), typeof(AuctionClosed),
         typeof(AuctionWinnerOffered), typeof(AuctionEnded)]);

    public static readonly TopicDefinition PlayerPushes = new(
        "commerce.player-pushes", "player id", 6, TopicRetention.Day,
        [typeof(PlayerPushed)]);

    public static readonly TopicDefinition MarketEvents = new(
        "commerce.market-events", "collection name", 6, TopicRetention.Week,
        [typeof(BidPlaced), typeof(FloorPriceChanged), typeof(SaleRecorded), typeof(ItemSupplyChanged)]);

    public static readonly TopicDefinition CampaignEvents = new(
        "commerce.campaign-events", "collection name", 6, TopicRetention.Week,
        [typeof(CampaignStarted), typeof(CampaignEnded)]);

    public static readonly TopicDefinition Offers = new(
        "commerce.offers", "player id", 6, TopicRetention.Week,
        [typeof(OfferMade)]);

    public static readonly TopicDefinition ChainCommands = new(
        "commerce.chain-commands", "command id", 6, TopicRetention.Week,
        [typeof(ChainCommandRequested)]);

    public static readonly TopicDefinition ChainTransactions = new(
        "commerce.chain-transactions", "command id", 6, TopicRetention.Week,
        [typeof(ChainTransactionUpdated)]);

    public static readonly TopicDefinition DeadLetters = new(
        "commerce.dead-letters", "the failed record's key", 3, TopicRetention.Forever,
        [typeof(DeadLettered)]);

    public static readonly TopicDefinition BrokerEpoch = new(
        "commerce.broker-epoch", "the constant \"epoch\"", 1, TopicRetention.Forever,
        [typeof(BrokerEpochStarted)]);

    public static readonly TopicDefinition OrderEvents = new(
        "commerce.order-events", "order id", 6, TopicRetention.Week,
        [typeof(Orders.OrderPlaced), typeof(Orders.ItemReserved), typeof(Orders.ReservationRefused), typeof(ReservationExpired),
         typeof(Orders.PaymentObserved), typeof(Orders.OrderTimedOut), typeof(Orders.DeliveryUpdated), typeof(FundsHeld), typeof(HoldRefused)]);

    /// <summary>
    /// The custodial balances (CustodyAccount grain): deposits from the deposit watcher, holds from order grains, the
    /// executor's word on withdrawals (routed from commerce.chain-transactions).
    /// </summary>
    public static readonly TopicDefinition CustodyEvents = new(
        "commerce.custody-events", "wallet address (lowercase)", 6, TopicRetention.Week,
        [typeof(DepositObserved), typeof(HoldRequested), typeof(HoldCaptureRequested), typeof(HoldReleaseRequested), typeof(WithdrawalUpdated)]);

    public static IReadOnlyList<TopicDefinition> All { get; } =
        [PlayerEvents, ItemEvents, AuctionEvents, PlayerPushes, MarketEvents, CampaignEvents, Offers, OrderEvents, CustodyEvents, ChainCommands, ChainTransactions, DeadLetters, BrokerEpoch];

    public static TopicDefinition Get(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"topic '{name}' is not in the catalog", nameof(name));
}
