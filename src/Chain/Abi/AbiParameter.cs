namespace Commerce.Chain.Abi;

/// <summary>A named parameter of a function, event, error or tuple. <see cref="Indexed"/> only means something for events.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false)
{
    public override string ToString() => $"{Type.CanonicalName}{(Indexed ? " indexed" : "")}{(Name.Length > 0 ? " " + Name : "")}";
}
