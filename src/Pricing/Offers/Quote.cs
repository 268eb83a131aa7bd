namespace Commerce.Pricing.Offers;

/// <summary>
/// What the platform's quote key signs (EIP-712, attached later through <see cref="IQuoteSigner"/>) and the checkout
/// contract verifies. <see cref="Amount"/> is in integer base units of <see cref="Currency"/> (wei for ETH,
/// 10^-6 for USDC) and fits a uint256; <see cref="ExpiresAt"/> is compared with the block timestamp (whole seconds).
/// </summary>
public sealed record Quote(
    string QuoteId,
    string PlayerId,
    string ItemId,
    string Collection,
    string Currency,
    UInt128 Amount,
    DateTimeOffset ExpiresAt,
    string PolicyVersion);
