namespace Commerce.Connectors.Marketplaces.Configuration;

/// <summary>One marketplace, bound from "Marketplaces:{name}".</summary>
public sealed class MarketplaceOptions
{
    /// <summary>The whsec_ secrets its webhooks may be signed with: the current one, plus the previous one during a rotation.</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>
    /// The collections (item.collection slugs) this marketplace may report items of. Anything else it sends is refused
    /// (403 naming item.collection); none may be a collection the platform sells itself (Pricing:Collections).
    /// </summary>
    public List<string> Collections { get; set; } = [];

    /// <summary>Where signed callbacks to this marketplace go (optional; needed only by features that call it back).</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>The whsec_ secrets callbacks are signed with; every one signs, so a rotation needs no downtime.</summary>
    public List<string> CallbackSecrets { get; set; } = [];
}
