namespace Commerce.Sdk
{
    /// <summary>
    /// An accepted order: its id (the quote's nonce) and the <c>Idempotency-Key</c> it was placed with. Placing the
    /// same quote again with the same key answers the same order; keep the key to retry after a crash.
    /// </summary>
    public sealed class OrderPlacement
    {
        public OrderPlacement(string orderId, string idempotencyKey, int attempts)
        {
            OrderId = orderId;
            IdempotencyKey = idempotencyKey;
            Attempts = attempts;
        }

        public string OrderId { get; }

        public string IdempotencyKey { get; }

        /// <summary>Requests it took (more than 1 when a transient failure was retried with the same key).</summary>
        public int Attempts { get; }
    }
}
