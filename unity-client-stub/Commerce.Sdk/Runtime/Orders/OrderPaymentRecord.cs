namespace Commerce.Sdk
{
    /// <summary>A payment the platform saw on chain for the order (amounts in base units, decimal strings).</summary>
    public sealed class OrderPaymentRecord
    {
        private OrderPaymentRecord(JsonValue json)
        {
            Kind = json.GetStringOrDefault("kind") ?? string.Empty;
            Amount = json.GetScalarTextOrDefault("amount") ?? "0";
            TotalPaid = json.GetScalarTextOrDefault("totalPaid") ?? "0";
            TransactionHash = JsonFields.FirstString(json, "transactionHash", "txHash");
            BlockNumber = json.GetInt64OrDefault("blockNumber");
            Confirmed = json.GetBooleanOrDefault("confirmed");
            Reorged = json.GetBooleanOrDefault("reorged");
        }

        /// <summary>Purchased, InstallmentPaid, PlanCompleted, PlanDefaulted, Refunded.</summary>
        public string Kind { get; }

        public string Amount { get; }

        public string TotalPaid { get; }

        public string? TransactionHash { get; }

        public long BlockNumber { get; }

        /// <summary>Deep enough to be final (the platform's confirmation depth).</summary>
        public bool Confirmed { get; }

        /// <summary>Its block left the chain.</summary>
        public bool Reorged { get; }

        internal static OrderPaymentRecord Read(JsonValue json) => new OrderPaymentRecord(json);
    }
}
