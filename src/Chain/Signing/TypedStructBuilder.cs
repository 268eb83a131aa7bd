namespace Commerce.Chain.Signing;

/// <summary>
/// Builds an EIP-712 struct type and its value together, so the type and the message cannot
/// drift apart. For example a price quote:
/// <code>
/// var quote = new TypedStructBuilder("PriceQuote")
///     .Field("itemId", "uint256", itemId)
///     .Field("buyer", "address", buyer)
///     .Field("price", "uint256", priceWei)
///     .Field("expiresAt", "uint64", expiresAtUnix);
/// var signature = quote.ToTypedData(domain).Sign(key);
/// </code>
/// Nested structs are other builders; their types are collected automatically.
/// </summary>
public sealed class TypedStructBuilder(string typeName)
{
    private readonly List<TypedDataField> _fields = [];
    private readonly Dictionary<string, object?> _values = [];
    private readonly Dictionary<string, IReadOnlyList<TypedDataField>> _nestedTypes = [];

    public string TypeName { get; } = string.IsNullOrWhiteSpace(typeName)
        ? throw new TypedDataException("typeName", "is empty")
        : typeName;

    /// <summary>A member of an elementary type (uint256, address, bytes32, string, bool...) or an array of one ("uint256[]").</summary>
    public TypedStructBuilder Field(string name, string type, object? value)
    {
        AddField(name, type);
        _values[name] = value;
        return this;
    }

    /// <summary>A member that is itself a struct.</summary>
    public TypedStructBuilder Field(string name, TypedStructBuilder nested)
    {
        ArgumentNullException.ThrowIfNull(nested);
        AddField(name, nested.TypeName);
        MergeTypes(nested, name);
        _values[name] = nested.Values();
        return this;
    }

    /// <summary>A member that is an array of structs of one type.</summary>
    public TypedStructBuilder Field(string name, string elementTypeName, IEnumerable<TypedStructBuilder> items)
    {
        var list = items.ToArray();
        if (list.Any(i => i.TypeName != elementTypeName))
            throw new TypedDataException(name, $"every element must be a {elementTypeName}");
        AddField(name, elementTypeName + "[]");
        foreach (var item in list)
            MergeTypes(item, name);
        _values[name] = list.Select(i => (object?)i.Values()).ToArray();
        return this;
    }

    /// <summary>The struct types this builder defines: its own and every nested one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types() =>
        new Dictionary<string, IReadOnlyList<TypedDataField>>(_nestedTypes) { [TypeName] = _fields.ToArray() };

    public IReadOnlyDictionary<string, object?> Values() => new Dictionary<string, object?>(_values);

    /// <summary>This struct as the primary type of typed data under <paramref name="domain"/>.</summary>
    public TypedData ToTypedData(Eip712Domain domain) => TypedData.Create(domain, TypeName, Types(), Values());

    private void AddField(string name, string type)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new TypedDataException(TypeName, "a field needs a name");
        if (_values.ContainsKey(name))
            throw new TypedDataException($"{TypeName}.{name}", "is defined twice");
        _fields.Add(new TypedDataField(name, type));
    }

    private void MergeTypes(TypedStructBuilder nested, string field)
    {
        foreach (var (name, fields) in nested.Types())
        {
            if (name == TypeName)
                throw new TypedDataException($"{TypeName}.{field}", "a struct cannot contain itself");
            if (_nestedTypes.TryGetValue(name, out var existing) && !existing.SequenceEqual(fields))
                throw new TypedDataException($"{TypeName}.{field}", $"type {name} is defined twice with different fields");
            _nestedTypes[name] = fields;
        }
    }
}
