namespace Commerce.Pricing.Live;

public sealed class CollectionContractOptions
{
    /// <summary>The collection's GameItem (ERC-721) contract address.</summary>
    public string Contract { get; set; } = "";
}
