using Orleans;

namespace Commerce.Actors.Auctions;

/// <summary>The items put up for auction, newest first (at most <see cref="MaxItems"/>); each item's grain holds its auction.</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.AuctionDirectoryState")]
public sealed record AuctionDirectoryState([property: Id(0)] IReadOnlyList<string> ItemIds)
{
    public const int MaxItems = 500;
}
