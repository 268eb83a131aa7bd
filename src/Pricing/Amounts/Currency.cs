using System.Globalization;

namespace Commerce.Pricing.Amounts;

/// <summary>A currency quoted in integer base units: ETH has 18 decimals (wei), USDC has 6.</summary>
public sealed record Currency
{
    public const int MaxDecimals = 18;

    public static readonly Currency Eth = new("ETH", 18);
    public static readonly Currency Usdc = new("USDC", 6);

    public Currency(string code, int decimals)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException("Currency code must not be empty.", nameof(code));
        }

        if (decimals is < 0 or > MaxDecimals)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, $"Currency decimals must be 0..{MaxDecimals}.");
        }

        Code = code;
        Decimals = decimals;
        OneUnit = Int128Pow10(decimals);
    }

    public string Code { get; }

    public int Decimals { get; }

    /// <summary>Base units in one whole unit (10^Decimals).</summary>
    public Int128 OneUnit { get; }

    /// <summary>Parses a decimal amount in whole units ("0.05") into base units, exactly.</summary>
    public bool TryParse(string text, out Int128 baseUnits, out string? error)
    {
        baseUnits = 0;
        error = null;
        var s = text.Trim();
        if (s.Length == 0 || s[0] == '-' || s[0] == '+')
        {
            error = "must be a non-negative decimal number";
            return false;
        }

        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? string.Empty : s[(dot + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || !AllDigits(whole) || !AllDigits(fraction))
        {
            error = "must be a non-negative decimal number";
            return false;
        }

        fraction = fraction.TrimEnd('0');
        if (fraction.Length > Decimals)
        {
            error = $"has more than {Decimals} decimals for {Code}";
            return false;
        }

        if (whole.TrimStart('0').Length > 30)
        {
            error = "is too large";
            return false;
        }

        Int128 value = 0;
        foreach (var c in whole)
        {
            value = (value * 10) + (c - '0');
        }

        Int128 frac = 0;
        foreach (var c in fraction.PadRight(Decimals, '0'))
        {
            frac = (frac * 10) + (c - '0');
        }

        baseUnits = (value * OneUnit) + frac;
        return true;
    }

    /// <summary>Formats base units as a whole-unit decimal without trailing zeros ("0.05").</summary>
    public string Format(Int128 baseUnits)
    {
        var negative = baseUnits < 0;
        var abs = negative ? -baseUnits : baseUnits;
        var whole = abs / OneUnit;
        var frac = abs % OneUnit;
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (frac != 0)
        {
            text += "." + frac.ToString(CultureInfo.InvariantCulture).PadLeft(Decimals, '0').TrimEnd('0');
        }

        return negative ? "-" + text : text;
    }

    public override string ToString() => Code;

    private static bool AllDigits(string s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static Int128 Int128Pow10(int exponent)
    {
        Int128 value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
