namespace Commerce.Sdk
{
    /// <summary>A top-up the platform saw at the custody address (wei, decimal string).</summary>
    public sealed class CustodialDeposit
    {
        private CustodialDeposit(JsonValue json)
        {
            TransactionHash = JsonFields.FirstString(json, "txHash", "transactionHash") ?? string.Empty;
            Amount = json.GetScalarTextOrDefault("amount") ?? "0";
            Confirmed = json.GetBooleanOrDefault("confirmed");
        }

        public string TransactionHash { get; }

        public string Amount { get; }

        /// <summary>Deep enough to spend.</summary>
        public bool Confirmed { get; }

        internal static CustodialDeposit Read(JsonValue json) => new CustodialDeposit(json);
    }
}
