using System.Globalization;
using System.Numerics;

namespace Commerce.Connectors.MarketplaceMonitoring.Mapping;

/// <summary>Base units with their decimals to whole units; wrapped ether counts as ether (the platform prices in ETH).</summary>
public static class MarketAmounts
{
    public static bool TryWhole(string? baseUnits, int decimals, out decimal whole)
    {
        whole = 0;
        if (baseUnits is null || decimals is < 0 or > 28 || !BigInteger.TryParse(baseUnits, NumberStyles.None, CultureInfo.InvariantCulture, out var units))
            return false;
        if (units > new BigInteger(decimal.MaxValue))
            return false;
        whole = (decimal)units / Pow10(decimals);
        return true;
    }

    public static string Currency(string? symbol) => symbol switch
    {
        null or "" => "ETH",
        "WETH" => "ETH",
        _ => symbol,
    };

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
            result *= 10;
        return result;
    }
}
