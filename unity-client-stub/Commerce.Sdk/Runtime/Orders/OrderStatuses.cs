namespace Commerce.Sdk
{
    /// <summary>The states of an order (docs/ORDERS.md). The last four are terminal: an order ends in exactly one.</summary>
    public static class OrderStatuses
    {
        public const string Placed = "placed";
        public const string Reserved = "reserved";
        public const string PlanActive = "plan-active";
        public const string Paid = "paid";
        public const string Delivering = "delivering";
        public const string Completed = "completed";
        public const string Cancelled = "cancelled";
        public const string Defaulted = "defaulted";
        public const string Refunded = "refunded";

        /// <summary>True for completed, cancelled, defaulted and refunded.</summary>
        public static bool IsTerminal(string? status) =>
            status == Completed || status == Cancelled || status == Defaulted || status == Refunded;
    }
}
