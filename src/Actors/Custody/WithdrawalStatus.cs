namespace Commerce.Actors.Custody;

/// <summary>Where one withdrawal stands; every status but <see cref="Pending"/> is final.</summary>
public static class WithdrawalStatus
{
    /// <summary>Debited from the balance and asked of the executor; its transaction is not yet confirmed.</summary>
    public const string Pending = "pending";

    /// <summary>Its transaction is confirmed: the wei are in the player's wallet.</summary>
    public const string Completed = "completed";

    /// <summary>Its transaction failed for good (refused, reverted, given up): the amount came back to the balance, once.</summary>
    public const string Failed = "failed";
}
