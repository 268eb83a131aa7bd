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
/// (<see cref="ItemPaidFor"/>) and the executor mints it to the player's wallet from the hot wallet; the mint
/// confirmed at depth spends the hold and completes the order; the mint failed for good (reverted, refused at
/// estimation, given up) gives the hold back to the balance, frees the item and ends the order refunded.
/// A refused hold cancels the order and frees the item. Late or repeated answers change nothing, except that
/// funds held for an order that already ended are given back at once.
/// </summary>
public sealed partial class OrderGrain
{
    public const string CustodialKind = "custodial";

    /// <summary>Selector of GameItem.mint(address,uint256,string): the first 4 bytes of keccak256 of that signature.</summary>
    public const string MintSelector = "0xd3fc9864";

    /// <summary>The executor command id of a custodial order's mint: one order, at most one mint transaction.</summary>
    public static string MintCommandId(string orderId) => $"order:{orderId}:mint";

    /// <summary>Call data of GameItem.mint(to, tokenId, "") (the collection's base URI names the token).</summary>
    public static string MintCall(string to, string tokenId)
    {
        var address = to.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && to.Length == 42
            ? to[2..].ToLowerInvariant()
            : throw new ArgumentException($"a wallet is 0x + 40 hex, got '{to}'", nameof(to));
        var id = BigInteger.Parse(tokenId, NumberStyles.None, CultureInfo.InvariantCulture);
        return MintSelector
            + address.PadLeft(64, '0')
            + Convert.ToHexStringLower(id.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0').PadLeft(64, '0')
            + "60".PadLeft(64, '0')     // offset of the uri argument
            + new string('0', 64);      // its length: 0
    }

    private bool IsCustodial => State.PaymentKind == CustodialKind;

    private string CustodyKey => State.Wallet!.ToLowerInvariant();

    /// <summary>Called when the item is held: a custodial order asks the custody account for the price.</summary>
    private void RequestHoldIfCustodial()
    {
        if (!IsCustodial || State.Quote is null)
            return;
        Context.Emit(TopicCatalog.CustodyEvents, CustodyKey, new HoldRequested(CustodyKey, Key, CustodyAccountGrain.Currency, State.Quote.Price));
        Record(nameof(HoldRequested), $"{State.Quote.Price} wei asked of the custodial balance");
    }

    public ValueTask FundsHeldAsync(FundsHeld held)
    {
        if (!IsCustodial || State.Status != OrderStatus.Reserved || State.Quote is null)
        {
            // Paid or delivering: a repeat of the answer that started the mint. Otherwise the order ended (cancelled, or
            // completed by a purchase of its own) before the answer came: the funds go back at once. After a capture or
            // a release of this hold (both sent earlier on the same key) a release changes nothing.
            if (State.Status is not (OrderStatus.Paid or OrderStatus.Delivering))
                Context.Emit(TopicCatalog.CustodyEvents, held.Wallet, new HoldReleaseRequested(held.Wallet, Key, $"the order is {State.Status}"));
            Record(nameof(FundsHeld), $"not expected while {State.Status}");
            return ValueTask.CompletedTask;
        }
        Context.CancelReminder(PaymentReminder);
        RequestMint();
        // Paid for: the item's hold no longer runs out while the mint is under way (released if it fails).
        Context.Emit(TopicCatalog.ItemEvents, State.ItemId!, new ItemPaidFor(State.ItemId!, Key, State.PlayerId!, State.Wallet!));
        State = State with { TotalPaid = held.Amount };
        Move(nameof(FundsHeld), OrderStatus.Paid, $"{held.Amount} wei held on the custodial balance; minting token {State.Quote.TokenId} to {State.Wallet}");
        return ValueTask.CompletedTask;
    }

    /// <summary>The reminder that asks for the mint again while the executor has not said it sent it.</summary>
    public const string MintReminder = "mint";

    /// <summary>How long a paid order waits for the executor's first word on its mint before asking again.</summary>
    public static readonly TimeSpan MintRecheck = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Asks the executor for the mint (always the same command id, so it is sent at most once however often it is asked)
    /// and checks back later: a request lost on its way (the embedded broker forgets its log on restart) is asked again.
    /// </summary>
    private void RequestMint()
    {
        Context.Emit(TopicCatalog.ChainCommands, MintCommandId(Key), new ChainCommandRequested(
            MintCommandId(Key), "mint", State.Quote!.Collection, "0", MintCall(State.Wallet!, State.Quote.TokenId), 0, null));
        Context.SetReminder(MintReminder, Context.Current.OccurredAt + MintRecheck, new OrderTimedOut(Key, MintReminder));
    }

    /// <summary>The mint check: still paid with no word from the executor, so the request is made again. False for other stages.</summary>
    private bool HandledAsMintCheck(OrderTimedOut timedOut)
    {
        if (timedOut.Stage != MintReminder)
            return false;
        if (IsCustodial && State.Status == OrderStatus.Paid)
        {
            RequestMint();
            Record(nameof(OrderTimedOut), $"no word from the executor on {MintCommandId(Key)}: asked again (the same command id is sent at most once)");
        }
        else
        {
            Record(nameof(OrderTimedOut), $"{MintReminder}: the order is {State.Status}");
        }
        return true;
    }

    public ValueTask HoldRefusedAsync(HoldRefused refused)
    {
        if (IsCustodial && State.Status == OrderStatus.Reserved)
        {
            Context.Emit(TopicCatalog.ItemEvents, State.ItemId!, new ReservationReleased(State.ItemId!, Key, "the custodial balance did not cover the price"));
            Cancel(nameof(HoldRefused), refused.Reason);
        }
        else
        {
            Record(nameof(HoldRefused), refused.Reason);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The executor's word on this order's mint; false when the update is not about it (left to the caller).</summary>
    private bool HandledAsDelivery(DeliveryUpdated delivery)
    {
        if (!IsCustodial || delivery.CommandId != MintCommandId(Key))
            return false;
        var name = $"{nameof(DeliveryUpdated)}:{delivery.Status}";
        var detail = delivery.Detail is null ? delivery.CommandId : $"{delivery.CommandId}: {delivery.Detail}";
        Context.CancelReminder(MintReminder); // the executor has the command
        if (State.Status is not (OrderStatus.Paid or OrderStatus.Delivering))
        {
            Record(name, $"{detail} (the order is {State.Status})");
            return true;
        }
        switch (delivery.Status)
        {
            case ChainTransactionUpdated.Confirmed:
                Context.Emit(TopicCatalog.CustodyEvents, CustodyKey, new HoldCaptureRequested(CustodyKey, Key));
                Sell();
                Move(name, OrderStatus.Completed, $"token {State.Quote!.TokenId} minted to {State.Wallet}: {detail}");
                break;
            case ChainTransactionUpdated.Failed:
                // Nothing was minted (the executor reports failed only for a transaction without effect): pay back.
                Context.Emit(TopicCatalog.CustodyEvents, CustodyKey, new HoldReleaseRequested(CustodyKey, Key, $"the mint failed: {delivery.Detail}"));
                Context.Emit(TopicCatalog.ItemEvents, State.ItemId!, new ReservationReleased(State.ItemId!, Key, "the mint failed"));
                State = State with { TotalPaid = "0" };
                Move(name, OrderStatus.Refunded, $"the mint failed ({delivery.Detail}); {State.Quote!.Price} wei credited back to the custodial balance");
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
