using Commerce.Chain.Crypto;
using Commerce.Payments.Following;

namespace Commerce.Payments.Options;

/// <summary>
/// The Checkout watcher, bound from the "Payments" section and validated at start
/// (<see cref="ChainWatcherOptions.Validate"/> names the key at fault). Off unless a Checkout is configured
/// (no Checkout is deployed for the embedded setup). Poll interval 2 s by default.
/// </summary>
public sealed class CheckoutWatcherOptions : ChainWatcherOptions
{
    public const string Section = "Payments";

    /// <summary>The Checkout contract's address (0x + 40 hex); its deployment block is the StartBlock to give.</summary>
    public string CheckoutAddress { get; set; } = "";

    /// <summary>The most blocks one eth_getLogs asks for.</summary>
    public int MaxBlockRange { get; set; } = 1000;

    public EthAddress Address => EthAddress.Parse(CheckoutAddress, $"{Section}:{nameof(CheckoutAddress)}");

    public override EthAddress FollowedAddress => Address;

    protected override string SectionName => Section;

    protected override void ValidateAddress()
    {
        if (string.IsNullOrWhiteSpace(CheckoutAddress) || !EthAddress.TryParse(CheckoutAddress, out _))
            throw Bad(nameof(CheckoutAddress), $"must be the Checkout contract's address (0x + 40 hex digits), got \"{CheckoutAddress}\"");
    }

    protected override void ValidateRange()
    {
        if (MaxBlockRange is < 1 or > 100_000)
            throw Bad(nameof(MaxBlockRange), "must be between 1 and 100000");
    }
}
