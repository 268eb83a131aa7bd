namespace Commerce.Pricing.Live;

/// <summary>
/// How far ahead a signed quote may expire. Offers are priced at their input event's time, which a client's or a
/// webhook's clock can set; a quote is signed only when it expires within the policy's quoteTtl of the signer's own
/// clock (plus <see cref="ClockSkew"/>), so an InterestShown stamped next year cannot make a year-long quote.
/// </summary>
public static class QuoteLifetime
{
    /// <summary>Clock difference tolerated between the instance that stamped an event and the one that signs.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Whether an offer expiring at <paramref name="expiresAt"/> may be signed at <paramref name="now"/> under a policy's quoteTtl.</summary>
    public static bool MaySign(DateTimeOffset expiresAt, DateTimeOffset now, TimeSpan quoteTtl) => expiresAt <= now + quoteTtl + ClockSkew;
}
