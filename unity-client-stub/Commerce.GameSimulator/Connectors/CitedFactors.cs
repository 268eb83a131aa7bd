using Commerce.Sdk;

namespace Commerce.GameSimulator.Connectors;

/// <summary>Which connector facts an offer's price explanation cites: the CRM's loyalty ("Loyalty") and the marketplace floor ("Market").</summary>
public static class CitedFactors
{
    public static (bool Loyalty, bool Floor) Of(OfferReceived offer)
    {
        bool Cites(string factor) => offer.Items.Any(i => i.Json["explanation"].Items.Any(f =>
            f.GetStringOrDefault("factor") == factor && f.GetDecimalOrNull("amount") is { } amount && amount != 0));
        return (Cites("Loyalty"), Cites("Market"));
    }
}
