namespace Commerce.Host.Auctions;

/// <summary>
/// "Auctions:Demo": an auction the demo opens once its item is listed (empty <see cref="ItemId"/>: none). Short times, so
/// the simulator's sniping race fits the demo.
/// </summary>
public sealed class DemoAuctionOptions
{
    public const string Section = "Auctions:Demo";

    public string ItemId { get; set; } = "";

    public decimal Reserve { get; set; } = 0.01m;

    public int DurationSeconds { get; set; } = 30;

    public int ExtensionSeconds { get; set; } = 10;

    public int PaymentWindowSeconds { get; set; } = 120;
}
