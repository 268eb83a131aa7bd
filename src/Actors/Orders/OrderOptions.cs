using System.ComponentModel.DataAnnotations;

namespace Commerce.Actors.Orders;

/// <summary>Bound from the "Orders" configuration section.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    public const int DefaultReservationMinutes = 15;

    /// <summary>How long an order holds its item while the payment is awaited; then the order is cancelled.</summary>
    [Range(1, 24 * 60)]
    public int ReservationMinutes { get; set; } = DefaultReservationMinutes;
}
