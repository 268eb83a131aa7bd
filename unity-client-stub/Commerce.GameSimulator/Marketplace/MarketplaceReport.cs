namespace Commerce.GameSimulator.Marketplace;

/// <summary>What the simulated marketplace heard: verified callbacks, how many completed orders they covered, refused signatures.</summary>
public sealed record MarketplaceReport(int Received, int CompletedReported, int Completed, int Refused, bool AllTold)
{
    /// <summary>Every completed order was reported by a verified callback, and no callback had a bad signature.</summary>
    public bool Passed => AllTold && CompletedReported == Completed && Refused == 0;
}
