namespace Commerce.Actors.Orders;

/// <summary>The states of an order (docs/ORDERS.md); the last four are terminal.</summary>
public static class OrderStatus
{
    /// <summary>No OrderPlaced seen for this id (events for it are only recorded).</summary>
    public const string None = "none";
    public const string Placed = "placed";
    public const string Reserved = "reserved";
    public const string PlanActive = "plan-active";

    /// <summary>Custodial: the price is held on the player's custodial balance; the mint is asked for.</summary>
    public const string Paid = "paid";

    /// <summary>Custodial: the mint transaction is on its way.</summary>
    public const string Delivering = "delivering";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Defaulted = "defaulted";
    public const string Refunded = "refunded";

    public static bool IsTerminal(string status) => status is Completed or Cancelled or Defaulted or Refunded;
}
