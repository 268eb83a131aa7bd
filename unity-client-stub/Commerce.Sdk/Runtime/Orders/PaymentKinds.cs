namespace Commerce.Sdk
{
    /// <summary>How an order is paid (<c>paymentKind</c> of <c>POST /api/me/orders</c>).</summary>
    public static class PaymentKinds
    {
        /// <summary>In full, in ETH, from the player's wallet (an ETH quote with 1 installment).</summary>
        public const string Eth = "eth";

        /// <summary>In full, in the stablecoin, from the player's wallet (approve, then purchase).</summary>
        public const string Stablecoin = "stablecoin";

        /// <summary>Buy now, pay later: a quote with 2 or more installments (see <see cref="CommerceClient.QuoteInstallmentsAsync"/>).</summary>
        public const string Installments = "installments";

        /// <summary>From the deposit balance the player topped up at the custody address; the platform pays.</summary>
        public const string Custodial = "custodial";
    }
}
