namespace Commerce.Host.Marketing;

/// <summary>
/// "Marketing:Demo": the airdrop campaign the demo runs among its simulated players (<see cref="SupplyCap"/> 0: none).
/// One token per wallet of <see cref="Collection"/>, to every player who showed interest (<see cref="Rule"/>).
/// </summary>
public sealed class DemoCampaignOptions
{
    public const string Section = "Marketing:Demo";

    public int SupplyCap { get; set; }

    public string Collection { get; set; } = "dragons";

    public string Rule { get; set; } = "interestCount >= 1";

    /// <summary>Enough gas for the cap many times over (the dev chain's gas is free).</summary>
    public long GasBudget { get; set; } = 50_000_000;
}
