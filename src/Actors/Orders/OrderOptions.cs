using System.ComponentModel.DataAnnotations;

namespace Commerce.Actors.Orders;

/// <summary>Bound from the "Orders" configuration section.</summary>
public sealed class OrderOptions : IValidatableObject
{
    public const string Section = "Orders";

    public const int DefaultReservationMinutes = 15;

    /// <summary>How long an order holds its item while the payment is awaited; then the order is cancelled.</summary>
    [Range(1, 24 * 60)]
    public int ReservationMinutes { get; set; } = DefaultReservationMinutes;

    /// <summary>
    /// The Checkout contract the order grain asks the executor to call (declareDefault of a plan in default; a late
    /// payment is honoured, not refunded). Empty: no chain commands are sent; the need is recorded in the order's history.
    /// </summary>
    [RegularExpression("^(0x[0-9a-fA-F]{40})?$", ErrorMessage = "Orders:CheckoutAddress must be a 0x address of 20 bytes, or empty")]
    public string CheckoutAddress { get; set; } = "";

    /// <summary>
    /// The order grains' key (base64, at least 32 bytes) for the HMAC every chain command they ask for carries
    /// (requester "orders"): the executor signs only commands whose HMAC it can check. Empty: commands go out unmarked and
    /// the executor refuses them. The embedded demo makes one per run.
    /// </summary>
    public string CommandKey { get; set; } = "";

    /// <summary>
    /// How long before an installment's deadline the player is reminded. Unset: a quarter of the plan's
    /// interval between deadlines, at least one second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Orders:InstallmentReminderLead must be between 1 second and 30 days")]
    public TimeSpan? InstallmentReminderLead { get; set; }

    /// <summary>
    /// Waited after a deadline (exclusive) before declareDefault is asked for, so the block that carries it
    /// is surely later than the deadline and a payment mined at the deadline has been seen.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Orders:DefaultGrace must be between 0 and 1 hour")]
    public TimeSpan DefaultGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When a requested declareDefault has not ended the plan after this long (the executor refused it, e.g.
    /// the node's clock was behind the deadline), it is asked again under a new command id (at most
    /// <see cref="MaxDefaultAttempts"/> in all). The contract ends a plan once, so a repeat can never default twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Orders:DefaultRetry must be between 1 second and 1 day")]
    public TimeSpan DefaultRetry { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100)]
    public int MaxDefaultAttempts { get; set; } = 5;

    /// <summary>
    /// A payment timeout (or the item's hold running out) while a payment for the order has been seen on chain
    /// but is not yet confirmed does not cancel the order: it is looked at again after this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Orders:PendingPaymentRecheck must be between 1 second and 1 hour")]
    public TimeSpan PendingPaymentRecheck { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(CommandKey) && Events.Marks.FieldMac.DecodeKey(CommandKey) is null)
            yield return new ValidationResult($"Orders:CommandKey must be base64 of at least {Events.Marks.FieldMac.MinKeyBytes} bytes", [nameof(CommandKey)]);
    }
}
