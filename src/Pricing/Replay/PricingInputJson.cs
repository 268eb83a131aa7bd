using System.Globalization;
using System.Text.Json;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;

namespace Commerce.Pricing.Replay;

/// <summary>
/// Reads a recorded stream: JSON lines, one pricing input each, in stream order. Every line has "type" (the input's
/// name, e.g. "InterestShown") and "at" (ISO-8601 event time), then the input's fields in camelCase: amounts as
/// whole-unit strings with a "currency" ("0.05", "ETH"), dwell as "dwellSeconds", rarity/tier/intent by name.
/// Blank lines are skipped. An unreadable line throws <see cref="StreamFormatException"/> naming the line and field.
/// </summary>
public static class PricingInputJson
{
    public static IReadOnlyList<PricingInput> ReadLines(TextReader reader, IReadOnlyDictionary<string, Currency> currencies)
    {
        var inputs = new List<PricingInput>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new StreamFormatException(number, "$", $"is not valid JSON ({ex.Message})");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new StreamFormatException(number, "$", "must be a JSON object");
                inputs.Add(Read(new Line(number, document.RootElement, currencies)));
            }
        }

        return inputs;
    }

    private static PricingInput Read(Line l)
    {
        var type = l.String("type");
        var at = l.Time("at");
        return type switch
        {
            nameof(InterestShown) => new InterestShown(l.String("playerId"), l.String("itemId"), l.String("collection"), TimeSpan.FromSeconds(l.Number("dwellSeconds", 0, 86_400)), at),
            nameof(LoyaltyUpdated) => new LoyaltyUpdated(l.String("playerId"), l.Enum<LoyaltyTier>("tier"), (decimal)l.Number("lifetimeValue", 0, 1e15), at),
            nameof(ChatIntentDetected) => new ChatIntentDetected(l.String("playerId"), l.OptionalString("itemId"), l.Enum<ChatIntent>("intent"), (decimal)l.Number("sentiment", -1, 1), at),
            nameof(BidPlaced) => new BidPlaced(l.String("itemId"), l.String("collection"), l.Money("amount"), at),
            nameof(FloorPriceChanged) => new FloorPriceChanged(l.String("collection"), l.Money("price"), at),
            nameof(SaleRecorded) => new SaleRecorded(l.String("collection"), l.String("itemId"), l.Money("price"), at),
            nameof(ItemSupplyChanged) => new ItemSupplyChanged(l.String("itemId"), l.String("collection"), (int)l.Number("remaining", 0, int.MaxValue), (int)l.Number("total", 1, int.MaxValue), l.Enum<Rarity>("rarity"), at)
            {
                Traits = l.Strings("traits"),
            },
            nameof(ItemRarityChanged) => new ItemRarityChanged(l.String("itemId"), l.Enum<Rarity>("rarity"), at),
            nameof(CampaignStarted) => new CampaignStarted(l.String("campaignId"), l.String("collection"), (decimal)l.Number("discount", 0, 1), l.Time("from"), l.Time("until"), at),
            nameof(CampaignEnded) => new CampaignEnded(l.String("campaignId"), l.String("collection"), at),
            nameof(ItemAvailabilityChanged) => new ItemAvailabilityChanged(l.String("itemId"), l.String("orderId"), l.Enum<ItemAvailability>("availability"), at),
            nameof(OfferRequested) => new OfferRequested(l.String("playerId"), at),
            _ => throw new StreamFormatException(l.LineNo, "type", $"'{type}' is not a pricing input"),
        };
    }

    private readonly record struct Line(int LineNo, JsonElement Root, IReadOnlyDictionary<string, Currency> Currencies)
    {
        public string String(string field) =>
            Root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s
                : throw new StreamFormatException(LineNo, field, "is required (a non-empty string)");

        public string? OptionalString(string field) =>
            !Root.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.String ? v.GetString()
            : throw new StreamFormatException(LineNo, field, "must be a string or null");

        public IReadOnlyList<string> Strings(string field)
        {
            if (!Root.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
                return [];
            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                throw new StreamFormatException(LineNo, field, "must be an array of strings");
            return [.. v.EnumerateArray().Select(e => e.GetString()!)];
        }

        public DateTimeOffset Time(string field) =>
            DateTimeOffset.TryParse(String(field), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t
                : throw new StreamFormatException(LineNo, field, "must be an ISO-8601 time");

        public double Number(string field, double min, double max) =>
            Root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d >= min && d <= max
                ? d
                : throw new StreamFormatException(LineNo, field, $"is required (a number in {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)})");

        public TEnum Enum<TEnum>(string field) where TEnum : struct, System.Enum
        {
            var text = String(field);
            return System.Enum.TryParse<TEnum>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value)
                && System.Enum.IsDefined(value) && !char.IsDigit(text[0])
                ? value
                : throw new StreamFormatException(LineNo, field, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
        }

        public Money Money(string field)
        {
            var code = String("currency");
            if (!Currencies.TryGetValue(code, out var currency))
                throw new StreamFormatException(LineNo, "currency", $"'{code}' is not a currency of the policy");
            return currency.TryParse(String(field), out var units, out var error)
                ? new Money(units, currency)
                : throw new StreamFormatException(LineNo, field, error ?? "is not an amount");
        }
    }
}
