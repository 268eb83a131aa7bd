using System.Text.Json.Serialization;
using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>How an auction ended.</summary>
[GenerateSerializer, Alias("commerce.events.AuctionOutcome"), JsonConverter(typeof(JsonStringEnumConverter<AuctionOutcome>))]
public enum AuctionOutcome
{
    /// <summary>A bidder paid: the item is theirs.</summary>
    Sold,

    /// <summary>Nobody who was offered it paid in time (or nobody reached the reserve): the item is free again.</summary>
    Unsold,

    /// <summary>Called off before its first bid.</summary>
    Cancelled,
}
