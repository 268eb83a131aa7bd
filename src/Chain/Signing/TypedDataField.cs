namespace Commerce.Chain.Signing;

/// <summary>One member of an EIP-712 struct type: its name and type ("uint256", "address", "Person", "Item[]"...).</summary>
public sealed record TypedDataField(string Name, string Type);
