using Commerce.Actors.Orders;
using Commerce.Events.Chain;
using Microsoft.Extensions.Configuration;

namespace Commerce.Execution.Policy;

/// <summary>
/// The allow-list entries for the order grains of this instance's own configuration, added when <c>Orders:CommandKey</c>
/// is set and <c>Execution:Policy</c> names no "orders" requester of its own: requester "orders" with that key; kind
/// mint: GameItem.mint on the collections of <c>Pricing:Collections:*:Contract</c>; kinds release, declare-default and
/// refund: Checkout.releaseItem, Checkout.declareDefault and Checkout.refund on <c>Orders:CheckoutAddress</c>; none of
/// them sends value.
/// </summary>
public static class OrdersCommandPolicy
{
    public static void Apply(CommandPolicyOptions policy, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[$"{OrderOptions.Section}:{nameof(OrderOptions.CommandKey)}"];
        if (string.IsNullOrWhiteSpace(key) || policy.Requesters.ContainsKey(ChainCommandKinds.OrdersRequester))
            return;
        policy.Requesters[ChainCommandKinds.OrdersRequester] = key;
        var collections = configuration.GetSection("Pricing:Collections").GetChildren()
            .Select(c => c["Contract"]).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).ToList();
        if (collections.Count > 0)
            policy.Kinds.TryAdd(ChainCommandKinds.Mint, Rule(collections, OrderGrain.MintSelector));
        var checkout = configuration[$"{OrderOptions.Section}:{nameof(OrderOptions.CheckoutAddress)}"];
        if (!string.IsNullOrWhiteSpace(checkout))
        {
            policy.Kinds.TryAdd(ChainCommandKinds.Release, Rule([checkout], OrderGrain.ReleaseItemSelector));
            policy.Kinds.TryAdd(ChainCommandKinds.DeclareDefault, Rule([checkout], OrderGrain.DeclareDefaultSelector));
            policy.Kinds.TryAdd(ChainCommandKinds.Refund, Rule([checkout], OrderGrain.RefundSelector));
        }
    }

    private static KindRule Rule(List<string> contracts, string selector) => new()
    {
        Requesters = [ChainCommandKinds.OrdersRequester],
        Contracts = contracts,
        Selectors = [selector],
        MaxValueWei = "0",
    };
}
