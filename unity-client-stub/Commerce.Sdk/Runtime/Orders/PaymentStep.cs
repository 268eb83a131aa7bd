namespace Commerce.Sdk
{
    /// <summary>
    /// One transaction the player's wallet must sign and send, in order: call <see cref="To"/> with <see cref="Data"/>
    /// and <see cref="Value"/> wei attached. The SDK never holds a key; the game's wallet signs it.
    /// </summary>
    public sealed class PaymentStep
    {
        public PaymentStep(string to, string data, string value, string? description)
        {
            To = to;
            Data = data;
            Value = value;
            Description = description;
        }

        /// <summary>The contract to call (0x hex).</summary>
        public string To { get; }

        /// <summary>ABI-encoded call data (0x hex).</summary>
        public string Data { get; }

        /// <summary>Wei to send with it, a decimal string ("0" for token payments).</summary>
        public string Value { get; }

        /// <summary>What it does, for the wallet's confirmation screen ("approve 12.5 USDC to the checkout").</summary>
        public string? Description { get; }

        internal static PaymentStep Read(JsonValue json) =>
            new PaymentStep(
                json.GetStringOrDefault("to") ?? string.Empty,
                json.GetStringOrDefault("data") ?? "0x",
                json.GetScalarTextOrDefault("value") ?? "0",
                json.GetStringOrDefault("description"));
    }
}
