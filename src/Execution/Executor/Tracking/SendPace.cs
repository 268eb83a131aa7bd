namespace Commerce.Execution.Executor.Tracking;

/// <summary>What the tracker's recent sends say about this pass.</summary>
internal enum SendPace
{
    /// <summary>Read receipts and reread the store as usual.</summary>
    Normal,

    /// <summary>A send burst within its BurstDeferral: receipts and the full reread wait, confirmations follow the burst.</summary>
    Burst,
}
