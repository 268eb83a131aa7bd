namespace Commerce.Pricing.Engine;

/// <summary>Demand for an item at one instant over three sliding windows (by default 1 min, 15 min, 1 h).</summary>
public readonly record struct DemandSnapshot(DemandCount Short, DemandCount Medium, DemandCount Long);
