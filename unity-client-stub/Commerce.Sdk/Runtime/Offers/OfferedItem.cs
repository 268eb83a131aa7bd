using System;

namespace Commerce.Sdk
{
    /// <summary>One item of an offer: its rank, its price in whole units for display, and the signed quote to order it with.</summary>
    public sealed class OfferedItem
    {
        private OfferedItem(JsonValue json, SignedQuote quote)
        {
            Json = json;
            Quote = quote;
            Rank = (int)json.GetInt64OrDefault("rank");
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Collection = json.GetStringOrDefault("collection");
            Rarity = json.GetScalarTextOrDefault("rarity");
            Price = json.GetDecimalOrNull("price");
            ListPrice = json.GetDecimalOrNull("listPrice");
            Currency = json.GetStringOrDefault("currency");
            ExpiresAt = json.GetTimestampOrNull("expiresAt") ?? quote.ExpiresAt;
        }

        /// <summary>1 is the best match.</summary>
        public int Rank { get; }

        /// <summary>"collection:tokenId".</summary>
        public string ItemId { get; }

        /// <summary>The collection's name ("dragons").</summary>
        public string? Collection { get; }

        public string? Rarity { get; }

        /// <summary>The price in whole units of <see cref="Currency"/> (for display; the quote holds the exact base units).</summary>
        public decimal? Price { get; }

        public decimal? ListPrice { get; }

        /// <summary>The currency code ("ETH", "USDC").</summary>
        public string? Currency { get; }

        public DateTimeOffset ExpiresAt { get; }

        public SignedQuote Quote { get; }

        /// <summary>The whole JSON object (the explanation of the price is in <c>explanation</c>).</summary>
        public JsonValue Json { get; }

        /// <summary>
        /// True when the price's explanation names <paramref name="factor"/> with a non-zero rate or amount (for example
        /// "Intent": the player's chat intent moved the price).
        /// </summary>
        public bool Cites(string factor)
        {
            foreach (var f in Json["explanation"].Items)
            {
                if (f.GetStringOrDefault("factor") == factor
                    && (f.GetInt64OrDefault("ratePpm") != 0 || (f.GetDecimalOrNull("amount") ?? 0) != 0))
                {
                    return true;
                }
            }

            return false;
        }

        internal static OfferedItem Read(JsonValue json) => new OfferedItem(json, SignedQuote.FromJson(json["quote"]));
    }
}
