namespace Commerce.Pricing.Live;

/// <summary>
/// The live pricing service, bound from the "Pricing" configuration section and checked at start
/// (<see cref="LivePricingOptionsValidator"/>).
/// </summary>
public sealed class LivePricingOptions
{
    public const string Section = "Pricing";

    /// <summary>False: this instance does not run the pricing service.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The policy JSON file; empty: the policy shipped inside Commerce.Pricing.</summary>
    public string PolicyFile { get; set; } = "";

    /// <summary><see cref="PolicyFile"/>, a relative path read from the application's directory; null when empty.</summary>
    public string? ResolvedPolicyFile =>
        string.IsNullOrWhiteSpace(PolicyFile) ? null : Path.Combine(AppContext.BaseDirectory, PolicyFile);

    /// <summary>The platform's quote key (0x hex, 32 bytes). Empty is allowed in embedded mode only: a random key is generated.</summary>
    public string QuoteKey { get; set; } = "";

    /// <summary>The checkout contract, the EIP-712 domain's verifyingContract (the zero address until it is deployed).</summary>
    public string CheckoutAddress { get; set; } = "0x0000000000000000000000000000000000000000";

    public long ChainId { get; set; } = 31337;

    /// <summary>
    /// The longest a quote may live at order placement: a quote whose expiry is further ahead than this (by the host's
    /// clock) is refused naming quote.expiry, whoever signed it. Between 1 second and 1 day.
    /// </summary>
    public TimeSpan MaxQuoteLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A player receives at most one offer per this interval of event time; interests in between only update the context.</summary>
    public TimeSpan MinOfferInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Collection name -> its ERC-721 contract ("Pricing:Collections:{name}:Contract").</summary>
    public Dictionary<string, CollectionContractOptions> Collections { get; set; } = [];

    /// <summary>Currency code -> its ERC-20 contract ("Pricing:Currencies:{code}:Token"); ETH needs none.</summary>
    public Dictionary<string, CurrencyTokenOptions> Currencies { get; set; } = [];
}
