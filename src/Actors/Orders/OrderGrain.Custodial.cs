using System.Globalization;
using System.Numerics;
using Commerce.Actors.Custody;
using Commerce.Events.Chain;
using Commerce.Events.Custody;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.Orders;

/// <summary>
/// The custodial payment kind (docs/ORDERS.md, "custodial"): once the item is held, the price is held on the
/// player's custody account; with the funds held the item is held for the order until it settles
/// (<see cref="ItemPaidFor"/>) and the executor delivers it to the player's wallet from the hot wallet: a mint, or
/// the Checkout's releaseItem when the token already exists in the Checkout's hands (reclaimed after a default);
/// the delivery confirmed at depth spends the hold and completes the order; a delivery failed for good (reverted,
/// refused at estimation, given up) gives the hold back to the balance, frees the item and ends the order refunded.
/// A refused hold cancels the order and frees the item. Late or repeated answers change nothing, except that
/// funds held for an order that already ended are given back at once.
/// </summary>
public sealed partial class OrderGrain
{
    public const string CustodialKind = "custodial";

    /// <summary>Selector of GameItem.mint(address,uint256,string): the first 4 bytes of keccak256 of that signature.</summary>
    public const string MintSelector = "0xd3fc9864";

    /// <summary>Selector of Checkout.releaseItem(address,uint256,address): the first 4 bytes of keccak256 of that signature.</summary>
    public const string ReleaseItemSelector = "0x9440b0fe";

    /// <summary>The executor command id of a custodial order's mint: one order, at most one mint transaction.</summary>
    public static string MintCommandId(string orderId) => $"order:{orderId}:mint";

    /// <summary>The executor command id of a custodial order's release from the Checkout: at most one such transaction.</summary>
    public static string ReleaseCommandId(string orderId) => $"order:{orderId}:release";

    /// <summary>Call data of Checkout.releaseItem(collection, tokenId, to).</summary>
    public static string ReleaseCall(string collection, string tokenId, string to) =>
        ReleaseItemSelector + AddressWord(collection, nameof(collection)) + UintWord(tokenId) + AddressWord(to, nameof(to));

    /// <summary>Call data of GameItem.mint(to, tokenId, "") (the collection's base URI names the token).</summary>
    public static string MintCall(string to, string tokenId) =>
        MintSelector
        + AddressWord(to, nameof(to))
        + UintWord(tokenId)
        + "60".PadLeft(64, '0')     // offset of the uri argument
        + new string('0', 64);      // its length: 0

    /// <summary>An address as one ABI word (64 hex digits, no 0x).</summary>
    private static string AddressWord(string address, string name) =>
        address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && address.Length == 42
            ? address[2..].ToLowerInvariant().PadLeft(64, '0')
            : throw new ArgumentException($"an address is 0x + 40 hex, got '{address}'", name);

    /// <summary>A decimal uint256 as one ABI word (64 hex digits, no 0x).</summary>
    private static string UintWord(string value) =>
        Convert.ToHexStringLower(BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture).ToByteArray(isUnsigned: true, isBigEndian: true))
            .TrimStart('0').PadLeft(64, '0');

    private bool IsCustodial => State.PaymentKind == CustodialKind;

    private string CustodyKey => State.Wallet!.ToLowerInvariant();

    /// <summary>Called when the item is held: a custodial order asks the custody account for the price.</summary>
    private void RequestHoldIfCustodial()
    {
        if (!IsCustodial || State.Quote is null)
            return;
        ToCustody(CustodyKey, new HoldRequested(CustodyKey, Key, CustodyAccountGrain.Currency, State.Quote.Price));
        Record(nameof(HoldRequested), $"{State.Quote.Price} wei asked of the custodial balance");
    }

    private void FundsHeld(FundsHeld held)
    {
        if (!IsCustodial || State.Status != OrderStatus.Reserved || State.Quote is null)
        {
            // Paid or delivering: a repeat of the answer that started the mint. Otherwise the order ended (cancelled, or
            // completed by a purchase of its own) before the answer came: the funds go back at once. After a capture or
            // a release of this hold (both sent earlier on the same key) a release changes nothing.
            if (State.Status is not (OrderStatus.Paid or OrderStatus.Delivering))
                ToCustody(held.Wallet, new HoldReleaseRequested(held.Wallet, Key, $"the order is {State.Status}"));
            Record(nameof(FundsHeld), $"not expected while {State.Status}");
            return;
        }
        CancelReminder(PaymentReminder);
        RequestDelivery();
        // Paid for: the item's hold no longer runs out while the delivery is under way (released if it fails).
        ToItem(new ItemPaidFor(State.ItemId!, Key, State.PlayerId!, State.Wallet!));
        State = State with { TotalPaid = held.Amount };
        Move(nameof(FundsHeld), OrderStatus.Paid, $"{held.Amount} wei held on the custodial balance; "
            + $"{(DeliversByRelease ? "releasing" : "minting")} token {State.Quote.TokenId} to {State.Wallet}");
    }

    /// <summary>The reminder that asks for the delivery (mint or release) again while the executor has not said it sent it.</summary>
    public const string MintReminder = "mint";

    /// <summary>How long a paid order waits for the executor's first word on its delivery before asking again.</summary>
    public static readonly TimeSpan MintRecheck = TimeSpan.FromSeconds(30);

    /// <summary>The token exists in the Checkout's hands (the API saw it at placement) and a Checkout is configured to release it.</summary>
    private bool DeliversByRelease => State.DeliverFromCheckout && !string.IsNullOrEmpty(_options.CheckoutAddress);

    private string DeliveryName => DeliversByRelease ? ChainCommandKinds.Release : ChainCommandKinds.Mint;

    /// <summary>The executor command that delivers this order's item: its mint, or its release from the Checkout.</summary>
    private string DeliveryCommandId => DeliversByRelease ? ReleaseCommandId(Key) : MintCommandId(Key);

    /// <summary>
    /// Asks the executor for the delivery (always the same command id, so it is sent at most once however often it is
    /// asked) and checks back later: a request lost on its way (the embedded broker forgets its log on restart) is asked again.
    /// </summary>
    private void RequestDelivery()
    {
        var quote = State.Quote!;
        var command = DeliversByRelease
            ? new ChainCommandRequested(DeliveryCommandId, ChainCommandKinds.Release, _options.CheckoutAddress, "0",
                ReleaseCall(quote.Collection, quote.TokenId, State.Wallet!), 0, null)
            : new ChainCommandRequested(DeliveryCommandId, ChainCommandKinds.Mint, quote.Collection, "0", MintCall(State.Wallet!, quote.TokenId), 0, null);
        Emit(TopicCatalog.ChainCommands, DeliveryCommandId, Marked(command));
        SetReminder(MintReminder, Current.OccurredAt + MintRecheck, new OrderTimedOut(Key, MintReminder));
    }

    /// <summary>
    /// The command marked as asked by the order grains (requester "orders", HMAC under Orders:CommandKey); without a key it
    /// goes out unmarked, and the executor refuses it with that reason.
    /// </summary>
    private ChainCommandRequested Marked(ChainCommandRequested command) =>
        string.IsNullOrWhiteSpace(_options.CommandKey)
            ? command
            : ChainCommandMac.Sign(command, ChainCommandKinds.OrdersRequester, Convert.FromBase64String(_options.CommandKey));

    /// <summary>The mint check: still paid with no word from the executor, so the request is made again. False for other stages.</summary>
    private bool HandledAsMintCheck(OrderTimedOut timedOut)
    {
        if (timedOut.Stage != MintReminder)
            return false;
        if (IsCustodial && State.Status == OrderStatus.Paid)
        {
            RequestDelivery();
            Record(nameof(OrderTimedOut), $"no word from the executor on {DeliveryCommandId}: asked again (the same command id is sent at most once)");
        }
        else
        {
            Record(nameof(OrderTimedOut), $"{MintReminder}: the order is {State.Status}");
        }
        return true;
    }

    private void HoldRefused(HoldRefused refused)
    {
        if (IsCustodial && State.Status == OrderStatus.Reserved)
        {
            ToItem(new ReservationReleased(State.ItemId!, Key, "the custodial balance did not cover the price"));
            Cancel(nameof(HoldRefused), refused.Reason);
        }
        else
        {
            Record(nameof(HoldRefused), refused.Reason);
        }
    }

    /// <summary>The executor's word on this order's delivery; false when the update is not about it (left to the caller).</summary>
    private bool HandledAsDelivery(DeliveryUpdated delivery)
    {
        if (!IsCustodial || delivery.CommandId != DeliveryCommandId)
            return false;
        var name = $"{nameof(DeliveryUpdated)}:{delivery.Status}";
        var detail = delivery.Detail is null ? delivery.CommandId : $"{delivery.CommandId}: {delivery.Detail}";
        CancelReminder(MintReminder); // the executor has the command
        if (State.Status is not (OrderStatus.Paid or OrderStatus.Delivering))
        {
            Record(name, $"{detail} (the order is {State.Status})");
            return true;
        }
        switch (delivery.Status)
        {
            case ChainTransactionUpdated.Confirmed:
                ToCustody(CustodyKey, new HoldCaptureRequested(CustodyKey, Key));
                Sell(minted: !DeliversByRelease);
                Move(name, OrderStatus.Completed, $"token {State.Quote!.TokenId} {(DeliversByRelease ? "released" : "minted")} to {State.Wallet}: {detail}");
                break;
            case ChainTransactionUpdated.Failed:
                // Nothing was delivered (the executor reports failed only for a transaction without effect): pay back.
                ToCustody(CustodyKey, new HoldReleaseRequested(CustodyKey, Key, $"the {DeliveryName} failed: {delivery.Detail}"));
                ToItem(new ReservationReleased(State.ItemId!, Key, $"the {DeliveryName} failed"));
                State = State with { TotalPaid = "0" };
                Move(name, OrderStatus.Refunded, $"the {DeliveryName} failed ({delivery.Detail}); {State.Quote!.Price} wei credited back to the custodial balance");
                break;
            case ChainTransactionUpdated.Submitted when State.Status == OrderStatus.Paid:
                Move(name, OrderStatus.Delivering, detail);
                break;
            default:
                Record(name, detail);
                break;
        }
        return true;
    }
}
