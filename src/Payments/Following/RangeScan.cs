namespace Commerce.Payments.Following;

/// <summary>
/// What a follower's source found in one block range whose blocks were all checked canonical: the observations
/// with the time of their block, in chain order, and the hash of the range's last block (the next cursor).
/// </summary>
public sealed record RangeScan<TObservation>(IReadOnlyList<(TObservation Observation, ulong BlockTime)> Observations, string ToHash);
