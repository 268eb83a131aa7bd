using Commerce.Actors.Runtime;
using Commerce.Events.Auctions;

namespace Commerce.Actors.Auctions;

/// <summary>
/// The index of auctions for marketing's and operators' list (key: <see cref="AuctionDirectoryGrain.Everything"/>): the
/// API adds an item once its grain opened an auction (a repeat adds nothing). Calls nobody.
/// </summary>
[Alias("commerce.IAuctionDirectoryGrain")]
public interface IAuctionDirectoryGrain : IGrainWithStringKey
{
    [Alias("Track")]
    Task<Replies> TrackAsync(AuctionOpened opened);

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
