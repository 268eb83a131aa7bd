using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Replay;

/// <summary>How one item fared in one offer: null on a side where it was not offered.</summary>
public sealed record ItemPriceChange(string ItemId, Money? Baseline, Money? Candidate, int? BaselineRank, int? CandidateRank)
{
    public bool Changed => Baseline != Candidate || BaselineRank != CandidateRank;
}
