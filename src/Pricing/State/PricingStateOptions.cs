using Commerce.Pricing.Windows;

namespace Commerce.Pricing.State;

public sealed record PricingStateOptions
{
    public DemandWindowsOptions Windows { get; init; } = new();

    /// <summary>How long a player's interests are kept (for engagement and recommendations).</summary>
    public TimeSpan InterestRetention { get; init; } = TimeSpan.FromHours(6);

    public int MaxInterestsPerPlayer { get; init; } = 256;

    /// <summary>How many marketplace sales are kept per collection (at least the policies' lastSales).</summary>
    public int MaxSalesPerCollection { get; init; } = 1000;

    public PricingStateOptions Validate()
    {
        Windows.Validate();
        if (InterestRetention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InterestRetention), InterestRetention, "PricingStateOptions.InterestRetention must be more than 0.");
        }

        if (MaxInterestsPerPlayer < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInterestsPerPlayer), MaxInterestsPerPlayer, "PricingStateOptions.MaxInterestsPerPlayer must be at least 1.");
        }

        if (MaxSalesPerCollection < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSalesPerCollection), MaxSalesPerCollection, "PricingStateOptions.MaxSalesPerCollection must be at least 1.");
        }

        return this;
    }
}
