namespace Commerce.Pricing.Amounts;

/// <summary>An amount in integer base units of a currency (wei for ETH). Deltas may be negative.</summary>
public readonly record struct Money(Int128 BaseUnits, Currency Currency)
{
    public static Money Parse(string text, Currency currency) =>
        currency.TryParse(text, out var units, out var error)
            ? new Money(units, currency)
            : throw new FormatException($"Amount '{text}' {error}.");

    public override string ToString() => $"{Currency.Format(BaseUnits)} {Currency.Code}";
}
