using System.Text.Json.Serialization;
using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>Why an auction refused a bid.</summary>
[GenerateSerializer, Alias("commerce.events.BidRefusal"), JsonConverter(typeof(JsonStringEnumConverter<BidRefusal>))]
public enum BidRefusal
{
    /// <summary>Below the reserve or the minimum increment: the answer carries the minimum.</summary>
    TooLow,

    /// <summary>The auction's end passed (or it was settled or cancelled).</summary>
    Ended,

    /// <summary>The bidder already holds the highest bid.</summary>
    AlreadyHighest,

    /// <summary>The item has no auction.</summary>
    NoAuction,

    /// <summary>The bid is not in the auction's currency.</summary>
    WrongCurrency,
}
