using Commerce.GameSimulator.Options;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Planning;

/// <summary>
/// Hands out the players' scripts over the available items: the first 2 × races players race in pairs (the leader
/// picks the item from its first offer, see <see cref="RaceStart"/>); of the rest, --buy-share buy, rotating eth, stablecoin and installments (each on an item of a
/// fitting currency, every item to one buyer only); --default-share of the plan buyers stop paying.
/// </summary>
public static class PlanMaker
{
    private static readonly string[] KindRotation = [PaymentKinds.Eth, PaymentKinds.Stablecoin, PaymentKinds.Installments];

    public static IReadOnlyList<PlayerPlan> Make(SimulatorOptions options, IReadOnlyList<CatalogItem> catalog, bool canPay, ItemClaims claims)
    {
        var plans = new List<PlayerPlan>(options.Players);
        var free = catalog.Where(i => i.Available).ToList();
        if (canPay)
        {
            for (var race = 0; race < options.Races; race++)
            {
                // Both racers show interest in the same item only (as a buyer's first interest, it is then offered to them);
                // it is kept from the buyers.
                var item = Take(free, i => i.IsEth && !i.IsUnique) ?? Take(free, _ => true);
                if (item is null)
                {
                    break;
                }

                claims.TryClaim(item.ItemId);
                var start = new RaceStart([.. Enumerable.Range(0, options.Interests).Select(n => (item.ItemId, 10.0 + (5 * n)))], item.ItemId);
                plans.Add(new PlayerPlan(PlayerRole.Racer, null, PaymentKinds.Eth, false, start, LeadsRace: true));
                plans.Add(new PlayerPlan(PlayerRole.Racer, null, PaymentKinds.Eth, false, start));
            }
        }

        var rest = options.Players - plans.Count;
        var buyers = canPay ? (int)Math.Round(rest * options.BuyShare, MidpointRounding.AwayFromZero) : 0;
        var buys = new List<PlayerPlan>(buyers);
        for (var n = 0; n < buyers; n++)
        {
            var kind = KindRotation[n % KindRotation.Length];
            // Unique items are left to races where possible; plan buyers alternate ETH and stablecoin items.
            var item = kind switch
            {
                PaymentKinds.Eth => Take(free, i => i.IsEth && !i.IsUnique) ?? Take(free, i => i.IsEth),
                PaymentKinds.Stablecoin => Take(free, i => !i.IsEth && !i.IsUnique) ?? Take(free, i => !i.IsEth),
                _ => Take(free, i => i.IsEth == (n / KindRotation.Length % 2 == 0) && !i.IsUnique) ?? Take(free, _ => true),
            };
            if (item is null)
            {
                break;
            }

            claims.TryClaim(item.ItemId);
            buys.Add(new PlayerPlan(PlayerRole.Buyer, item, kind, false, null));
        }

        var planBuyers = buys.Where(p => p.PaymentKind == PaymentKinds.Installments).ToList();
        var stoppers = (int)Math.Round(planBuyers.Count * options.DefaultShare, MidpointRounding.AwayFromZero);
        foreach (var plan in planBuyers.Take(stoppers))
        {
            buys[buys.IndexOf(plan)] = plan with { StopsPaying = true };
        }

        plans.AddRange(buys);
        while (plans.Count < options.Players)
        {
            plans.Add(PlayerPlan.Browse);
        }

        return plans;
    }

    private static CatalogItem? Take(List<CatalogItem> free, Func<CatalogItem, bool> fits)
    {
        var index = free.FindIndex(i => fits(i));
        if (index < 0)
        {
            return null;
        }

        var item = free[index];
        free.RemoveAt(index);
        return item;
    }
}
