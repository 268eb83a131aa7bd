namespace Commerce.Actors.Custody;

/// <summary>Where one order's hold on a custody account stands; every status but <see cref="Held"/> is final.</summary>
public static class HoldStatus
{
    /// <summary>Set aside: not spendable, not yet spent.</summary>
    public const string Held = "held";

    /// <summary>Spent: the order delivered its item.</summary>
    public const string Captured = "captured";

    /// <summary>Given back to the balance: the order gave up.</summary>
    public const string Released = "released";

    /// <summary>Never held: the balance did not cover it (or the amount was bad).</summary>
    public const string Refused = "refused";
}
