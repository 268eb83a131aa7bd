using Commerce.Actors.Custody;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Events.Orders;

namespace Commerce.Actors.Tests.GrainCalls;

/// <summary>
/// One grain state of each kind with every list non-empty and every optional member set, built the ways the grains
/// build them: collection expressions with spreads (compiler-made list types) and lists read back from the state JSON.
/// </summary>
internal static class StateSamples
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 9, 30, 15, TimeSpan.FromHours(1));

    public static object Create(string name) => name switch
    {
        nameof(PlayerSessionState) => PlayerSession(),
        nameof(NftItemState) => NftItem(),
        nameof(OrderState) => Order(),
        nameof(CustodyAccountState) => CustodyAccount(),
        _ => throw new ArgumentException($"no sample state named '{name}'", nameof(name)),
    };

    private static PlayerSessionState PlayerSession()
    {
        var state = PlayerSessionState.New("0xabc");
        IReadOnlyList<ItemInterest> older = [new("dragons:2", 1, 1.5, At.AddMinutes(-9), At.AddMinutes(-9))];
        return state with
        {
            WalletAddress = "0xabc",
            LoyaltyTier = "gold",
            LifetimeValue = 12.345m,
            Interests = [new ItemInterest("dragons:1", 3, 7.25, At.AddMinutes(-5), At), .. older.Take(49)],
            InterestCount = 4,
            ChatIntents = [new ChatIntent("dragons:1", "ask_price", -0.25, At), new ChatIntent(null, "hesitate", 0.5, At.AddSeconds(3))],
            RecentOffers = [.. new[] { new OfferSummary("offer-1", "dragons:1", "0.0525", "ETH", At.AddMinutes(15)) }.Concat(state.RecentOffers).Take(10)],
            Orders = new List<OrderSummary> { new("0x01", "dragons:1", "plan-active", At, "installment 2 due"), new("0x02", "dragons:3", "completed", At) },
            PushSeq = 17,
            LastSeenAt = At,
        };
    }

    private static NftItemState NftItem()
    {
        var state = NftItemState.New("dragons:1");
        return state with
        {
            Listed = true,
            Collection = "dragons",
            TokenId = "1",
            Rarity = "legendary",
            Edition = 1,
            Supply = 10,
            Owner = "0xdef",
            ListPrice = 0.05m,
            Currency = "ETH",
            FloorPrice = 0.045m,
            Bids = [.. state.Bids, new Bid("0x123", 0.04m, "ETH", "opensea", At)],
            InterestTotal = 42,
            InterestByMinute = [.. state.InterestByMinute, new InterestBucket(At.AddMinutes(-1), 5), new InterestBucket(At, 2)],
            Status = ItemStatus.Settling,
            UpdatedAt = At,
            Reservation = new Reservation("0x01", "0xabc", At.AddMinutes(15)),
        };
    }

    private static OrderState Order()
    {
        var state = OrderState.New("0x01");
        return state with
        {
            PlayerId = "0xabc",
            Wallet = "0xabc",
            ItemId = "dragons:1",
            Quote = new OrderQuote("0xc011", "1", "0xabc", "0x0000000000000000000000000000000000000000", "50000000000000000", 3, 1_800_000_000, "0x01"),
            Signature = "0x5151",
            PaymentKind = "installments",
            IdempotencyKey = "idem-1",
            Status = OrderStatus.PlanActive,
            History = [.. state.History, new OrderTransition("OrderPlaced", OrderStatus.None, OrderStatus.Placed, At, null),
                new OrderTransition("ItemReserved", OrderStatus.Placed, OrderStatus.Reserved, At.AddSeconds(1), "until 10:45")],
            ReservedUntil = At.AddMinutes(15),
            TotalPaid = "16666666666666667",
            Payments = [new OrderPayment("Purchased", "16666666666666667", "16666666666666667", "0xtx", 3, 1234, true, false, At)],
            Terminal = false,
            PlacedAt = At,
            UpdatedAt = At.AddSeconds(2),
            Plan = new InstallmentPlan(3, 1, 1_800_000_600, 600, 1, "declare-default-1"),
            DeliverFromCheckout = true,
        };
    }

    private static CustodyAccountState CustodyAccount()
    {
        var state = CustodyAccountState.New("0xabc");
        return state with
        {
            Available = "900",
            Held = "50",
            Spent = "50",
            Credited = "1000",
            Holds = [new CustodyHold("0x01", "50", HoldStatus.Held, null, At), new CustodyHold("0x02", "50", HoldStatus.Captured, "delivered", At)],
            Deposits = [.. state.Deposits.Skip(0), new CustodyDeposit("0xtx", "1000", 1234, "0xblock", true, At)],
            CreditedTransactions = [.. state.CreditedTransactions, "0xtx"],
            UpdatedAt = At,
        };
    }
}
