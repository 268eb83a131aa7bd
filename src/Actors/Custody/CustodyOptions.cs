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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(DepositKey) && FieldMac.DecodeKey(DepositKey) is null)
            yield return new ValidationResult($"Custody:DepositKey must be base64 of at least {FieldMac.MinKeyBytes} bytes", [nameof(DepositKey)]);
    }
}
