using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Tests.Support;

internal static class Policies
{
    public static readonly PricingPolicy Default = PolicyLoader.LoadDefault();

    public static CollectionPolicy Dragons => Default.Collections["dragons"];

    public static CollectionPolicy Skins => Default.Collections["skins"];
}
