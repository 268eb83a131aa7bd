namespace Commerce.Host.Catalog;

/// <summary>Bound from "Catalog": a file of items to list at start (the demo's seed catalog).</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Path of a JSON catalog file; empty for none.</summary>
    public string? SeedFile { get; set; }
}
