using System;
using System.Globalization;

namespace Commerce.Sdk
{
    /// <summary>
    /// The platform's EIP-712 price quote (docs/QUOTE.md) with its signature, exactly as offered: the game sends it
    /// back unchanged to order, and the Checkout contract verifies it. Amounts are decimal integers in base units
    /// (wei, or 10^-6 of the stablecoin), kept as strings so nothing is rounded.
    /// </summary>
    public sealed class SignedQuote
    {
        public SignedQuote(
            string collection,
            string tokenId,
            string buyer,
            string currency,
            string price,
            int installments,
            long expiry,
            string nonce,
            string signature)
        {
            Collection = collection ?? throw new ArgumentNullException(nameof(collection));
            TokenId = tokenId ?? throw new ArgumentNullException(nameof(tokenId));
            Buyer = buyer ?? throw new ArgumentNullException(nameof(buyer));
            Currency = currency ?? throw new ArgumentNullException(nameof(currency));
            Price = price ?? throw new ArgumentNullException(nameof(price));
            Installments = installments;
            Expiry = expiry;
            Nonce = nonce ?? throw new ArgumentNullException(nameof(nonce));
            Signature = signature ?? throw new ArgumentNullException(nameof(signature));
        }

        /// <summary>The 20-byte zero address: the quote is in ETH.</summary>
        public const string EthCurrency = "0x0000000000000000000000000000000000000000";

        /// <summary>The collection's ERC-721 contract (0x hex).</summary>
        public string Collection { get; }

        /// <summary>The token id, a decimal integer.</summary>
        public string TokenId { get; }

        /// <summary>The wallet the quote was issued to; only it can pay with it.</summary>
        public string Buyer { get; }

        /// <summary>The zero address for ETH, else the ERC-20 token contract.</summary>
        public string Currency { get; }

        /// <summary>The total price in base units, a decimal integer.</summary>
        public string Price { get; }

        /// <summary>1 to pay in full; N above 1 for N installments.</summary>
        public int Installments { get; }

        /// <summary>Unix seconds after which the quote is refused.</summary>
        public long Expiry { get; }

        /// <summary>32 bytes, 0x hex: the order id and the Checkout's purchase id.</summary>
        public string Nonce { get; }

        /// <summary>The platform's 65-byte signature, 0x hex.</summary>
        public string Signature { get; }

        public bool IsEth => string.Equals(Currency, EthCurrency, StringComparison.OrdinalIgnoreCase);

        public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Expiry);

        /// <summary>
        /// Reads a quote object: the offer's form (<c>collectionContract</c>, <c>currencyToken</c>, <c>signature</c>
        /// inside) or the API's (<c>collection</c>, <c>currency</c>), with the signature given apart when it is not inside.
        /// </summary>
        /// <exception cref="FormatException">A field is missing or of the wrong kind; the message names it.</exception>
        public static SignedQuote FromJson(JsonValue quote, string? signature = null)
        {
            if (quote.Kind != JsonKind.Object)
            {
                throw new FormatException("A quote must be a JSON object, got " + quote.Kind + ".");
            }

            var installments = quote["installments"];
            var expiry = quote["expiry"];
            return new SignedQuote(
                Text(quote, "collection", "collectionContract"),
                Text(quote, "tokenId"),
                Text(quote, "buyer"),
                Text(quote, "currency", "currencyToken"),
                Text(quote, "price"),
                installments.TryGetInt64(out var n) && n >= 0 && n <= int.MaxValue ? (int)n : throw Missing("installments"),
                expiry.TryGetInt64(out var at) ? at : throw Missing("expiry"),
                Text(quote, "nonce"),
                signature ?? Text(quote, "signature"));
        }

        /// <summary>The quote as <c>POST /api/me/orders</c> and the installments quote take it (without the signature).</summary>
        public void WriteTo(JsonWriter writer)
        {
            writer.WriteStartObject()
                .Write("collection", Collection)
                .Write("tokenId", TokenId)
                .Write("buyer", Buyer)
                .Write("currency", Currency)
                .Write("price", Price)
                .Write("installments", Installments)
                .Write("expiry", Expiry)
                .Write("nonce", Nonce)
                .WriteEndObject();
        }

        public override string ToString() =>
            "quote " + Nonce + ": token " + TokenId + " of " + Collection + " for " + Price + " (" + Installments.ToString(CultureInfo.InvariantCulture) + " installment(s))";

        private static string Text(JsonValue json, params string[] names) =>
            JsonFields.FirstString(json, names) ?? throw Missing(names[0]);

        private static FormatException Missing(string name) =>
            new FormatException("The quote has no valid \"" + name + "\".");
    }
}
