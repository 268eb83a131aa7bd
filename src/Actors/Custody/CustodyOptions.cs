using System.ComponentModel.DataAnnotations;
using Commerce.Events.Marks;

namespace Commerce.Actors.Custody;

/// <summary>Bound from the "Custody" configuration section.</summary>
public sealed class CustodyOptions : IValidatableObject
{
    public const string Section = "Custody";

    /// <summary>
    /// The deposit watcher's key (base64, at least 32 bytes): it marks every DepositObserved it writes, and a custodial
    /// account credits only deposits whose mark checks under it (docs/SECURITY.md). Empty: no deposit is ever credited.
    /// The embedded demo makes one per run.
    /// </summary>
    public string DepositKey { get; set; } = "";

    /// <summary>
    /// The custody accounts' key for the HMAC on their withdrawal commands (requester "custody", base64, at least 32
    /// bytes): the executor signs a withdrawal only under it (docs/SECURITY.md). Empty: withdrawals are refused.
    /// </summary>
    public string CommandKey { get; set; } = "";

    /// <summary>The most one withdrawal may take, in wei (decimal); also the executor's value cap for kind withdraw.</summary>
    public string MaxWithdrawalWei { get; set; } = "1000000000000000000";

    /// <summary>The most one account may withdraw per UTC day, in wei (decimal), counting withdrawals not failed.</summary>
    public string DailyWithdrawalWei { get; set; } = "2000000000000000000";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(DepositKey) && FieldMac.DecodeKey(DepositKey) is null)
            yield return new ValidationResult($"Custody:DepositKey must be base64 of at least {FieldMac.MinKeyBytes} bytes", [nameof(DepositKey)]);
        if (!string.IsNullOrWhiteSpace(CommandKey) && FieldMac.DecodeKey(CommandKey) is null)
            yield return new ValidationResult($"Custody:CommandKey must be base64 of at least {FieldMac.MinKeyBytes} bytes", [nameof(CommandKey)]);
        if (!System.Numerics.BigInteger.TryParse(MaxWithdrawalWei, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) || max.IsZero)
            yield return new ValidationResult("Custody:MaxWithdrawalWei must be a positive whole number of wei", [nameof(MaxWithdrawalWei)]);
        if (!System.Numerics.BigInteger.TryParse(DailyWithdrawalWei, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var daily) || daily.IsZero)
            yield return new ValidationResult("Custody:DailyWithdrawalWei must be a positive whole number of wei", [nameof(DailyWithdrawalWei)]);
    }
}
