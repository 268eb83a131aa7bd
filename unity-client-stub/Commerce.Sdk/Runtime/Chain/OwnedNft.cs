namespace Commerce.Sdk
{
    /// <summary>An item the player's wallet owns (checked on chain when the platform has a chain).</summary>
    public sealed class OwnedNft
    {
        private OwnedNft(JsonValue json)
        {
            Json = json;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Collection = json.GetStringOrDefault("collection") ?? string.Empty;
            Contract = json.GetStringOrDefault("contract");
            TokenId = json.GetScalarTextOrDefault("tokenId") ?? string.Empty;
            OrderId = json.GetStringOrDefault("orderId");
        }

        /// <summary>"collection:tokenId".</summary>
        public string ItemId { get; }

        public string Collection { get; }

        /// <summary>The ERC-721 contract (0x hex).</summary>
        public string? Contract { get; }

        public string TokenId { get; }

        /// <summary>The order that bought it, when it was bought through the platform.</summary>
        public string? OrderId { get; }

        public JsonValue Json { get; }

        internal static OwnedNft Read(JsonValue json) => new OwnedNft(json);
    }
}
