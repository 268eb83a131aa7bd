using Commerce.Host.Push;

namespace Commerce.Host.Auctions;

/// <summary>The auction watch sockets open on this instance, by item (each a bounded buffer, as push sockets are).</summary>
public sealed class AuctionWatchers
{
    /// <summary>Watch sockets one item may have on one instance.</summary>
    public const int MaxPerItem = 10_000;

    public PushHub Sockets { get; } = new();
}
