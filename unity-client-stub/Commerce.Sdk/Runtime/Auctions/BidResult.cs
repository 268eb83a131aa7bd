using System;

namespace Commerce.Sdk
{
    /// <summary>
    /// The auction's answer to a bid: <see cref="Status"/> is one of <see cref="BidStatuses"/>; a too-low bid carries
    /// the <see cref="Minimum"/> to bid, an accepted one its <see cref="Seq"/> and the auction's <see cref="EndsAt"/>
    /// after it (a late bid moves the end).
    /// </summary>
    public sealed class BidResult
    {
        private BidResult(JsonValue json)
        {
            Status = json.GetStringOrDefault("status") ?? string.Empty;
            BidId = json.GetStringOrDefault("bidId") ?? string.Empty;
            Amount = json.GetDecimalOrNull("amount") ?? 0m;
            Minimum = json.GetDecimalOrNull("minimum");
            EndsAt = json.GetTimestampOrNull("endsAt");
            Seq = json.TryGetProperty("seq", out var seq) && seq.TryGetInt64(out var n) ? n : (long?)null;
            Detail = json.GetStringOrDefault("detail");
        }

        public string Status { get; }

        public bool Accepted => Status == BidStatuses.Accepted;

        public string BidId { get; }

        public decimal Amount { get; }

        /// <summary>Too low: the least a bid may be now; accepted: the least the next bid may be.</summary>
        public decimal? Minimum { get; }

        public DateTimeOffset? EndsAt { get; }

        public long? Seq { get; }

        public string? Detail { get; }

        /// <exception cref="FormatException">Not an object with a status.</exception>
        public static BidResult FromJson(JsonValue json)
        {
            if (json.Kind != JsonKind.Object || string.IsNullOrEmpty(json.GetStringOrDefault("status")))
            {
                throw new FormatException("A bid answer must be a JSON object with a status.");
            }

            return new BidResult(json);
        }
    }
}
