namespace Commerce.Execution.Executor.Tracking;

/// <summary>Where the tracker's picture of the open commands comes from next.</summary>
internal enum IntakeState
{
    /// <summary>Nothing held that can be trusted: read every open command from the store.</summary>
    ReadAll,

    /// <summary>The open commands are held: take new ones from the hand-over, or the store's rows after the highest nonce.</summary>
    FollowOn,
}
