using System.Numerics;
using System.Text;
using System.Text.Json;
using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Nethereum.ABI.EIP712;
using Nethereum.ABI;

namespace Commerce.Chain.Signing;

/// <summary>
/// EIP-712 typed structured data from outside (a wallet's JSON, the CLI) or built in code: the signing hash is
/// keccak256(0x19 0x01 ‖ hashStruct(EIP712Domain, domain) ‖ hashStruct(primaryType, message)), computed by
/// Nethereum's typed-data encoder after we checked the shape and every value. Our own structs with C# types
/// (the Checkout quote) go to Nethereum's encoder directly with [Struct] types. Build one with
/// <see cref="TypedStructBuilder"/>, or read the JSON of eth_signTypedData_v4 with <see cref="Parse"/>.
/// Struct values are dictionaries keyed by field name (or JSON objects); arrays are lists.
/// </summary>
public sealed class TypedData
{
    public const string DomainTypeName = "EIP712Domain";

    public TypedData(
        IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types,
        string primaryType,
        IReadOnlyDictionary<string, object?> domain,
        IReadOnlyDictionary<string, object?> message)
    {
        Types = types ?? throw new ArgumentNullException(nameof(types));
        PrimaryType = primaryType ?? throw new ArgumentNullException(nameof(primaryType));
        Domain = domain ?? throw new ArgumentNullException(nameof(domain));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        if (!types.ContainsKey(DomainTypeName))
            throw new TypedDataException("types", $"must define {DomainTypeName}");
        if (!types.ContainsKey(primaryType))
            throw new TypedDataException("primaryType", $"\"{primaryType}\" is not one of the defined types");
    }

    /// <summary>All struct types, EIP712Domain included.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types { get; }

    public string PrimaryType { get; }

    public IReadOnlyDictionary<string, object?> Domain { get; }

    public IReadOnlyDictionary<string, object?> Message { get; }

    /// <summary>Typed data from a domain, the struct types of the message (without EIP712Domain) and the message values.</summary>
    public static TypedData Create(Eip712Domain domain, string primaryType, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, IReadOnlyDictionary<string, object?> message)
    {
        var all = new Dictionary<string, IReadOnlyList<TypedDataField>>(types) { [DomainTypeName] = domain.TypeFields() };
        return new TypedData(all, primaryType, domain.Values(), message);
    }

    /// <summary>Reads the JSON object eth_signTypedData_v4 takes: { types, primaryType, domain, message }.</summary>
    public static TypedData Parse(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new TypedDataException("json", e.Message);
        }
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>();
        foreach (var type in Property(root, "types", JsonValueKind.Object).EnumerateObject())
        {
            if (type.Value.ValueKind != JsonValueKind.Array)
                throw new TypedDataException($"types.{type.Name}", "must be an array of { name, type }");
            types[type.Name] = type.Value.EnumerateArray().Select((f, i) => new TypedDataField(
                Property(f, "name", JsonValueKind.String, $"types.{type.Name}[{i}]").GetString()!,
                Property(f, "type", JsonValueKind.String, $"types.{type.Name}[{i}]").GetString()!)).ToArray();
        }
        return new TypedData(
            types,
            Property(root, "primaryType", JsonValueKind.String).GetString()!,
            ToDictionary(Property(root, "domain", JsonValueKind.Object)),
            ToDictionary(Property(root, "message", JsonValueKind.Object)));
    }

    /// <summary>"Name(type1 name1,...)" followed by every struct it references, sorted by name.</summary>
    public string EncodeType(string typeName)
    {
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(typeName, dependencies);
        dependencies.Remove(typeName);
        var text = new StringBuilder();
        foreach (var name in new[] { typeName }.Concat(dependencies))
            text.Append(name).Append('(').AppendJoin(',', Fields(name, "types").Select(f => $"{f.Type} {f.Name}")).Append(')');
        return text.ToString();
    }

    public byte[] TypeHash(string typeName) => Keccak256.HashUtf8(EncodeType(typeName));

    /// <summary>hashStruct(EIP712Domain, domain).</summary>
    public byte[] DomainSeparator() => Hashes().DomainHash;

    /// <summary>hashStruct(primaryType, message).</summary>
    public byte[] MessageHash() => Hashes().MessageHash;

    /// <summary>The 32 bytes that are signed.</summary>
    public byte[] SigningHash() => Hashes().TypedDataHash;

    public EthSignature Sign(EthPrivateKey key) => key.Sign(SigningHash());

    public EthAddress RecoverSigner(string signatureHex)
    {
        var signature = EthSignature.Parse(signatureHex, "signature");
        if (!signature.IsLowS)
            throw new HexFormatException("signature", "s is in the upper half of the curve order (non-canonical, EIP-2)");
        return signature.RecoverAddress(SigningHash());
    }

    /// <summary>The JSON that eth_signTypedData_v4 takes.</summary>
    public string ToJson() => TypedDataJson.Write(this);

    /// <summary>Nethereum's typed-data encoder hashes; our values go in checked and converted (<see cref="StrictArguments"/>).</summary>
    private TypedDataHashResult Hashes()
    {
        var raw = new TypedDataRaw
        {
            Types = Types.ToDictionary(t => t.Key, t => t.Value.Select(f => new MemberDescription { Name = f.Name, Type = f.Type }).ToArray()),
            PrimaryType = PrimaryType,
            DomainRawValues = Members(DomainTypeName, Domain, "domain"),
            Message = Members(PrimaryType, Message, "message"),
        };
        return Eip712TypedDataEncoder.Current.CalculateTypedDataHashes(raw);
    }

    private MemberValue[] Members(string typeName, object? value, string path) =>
        Fields(typeName, path).Select(f => new MemberValue { TypeName = f.Type, Value = Member(f.Type, GetMember(value, f.Name, path), $"{path}.{f.Name}") }).ToArray();

    private object Member(string type, object? value, string path)
    {
        if (type.EndsWith(']'))
        {
            var open = type.LastIndexOf('[');
            var elementType = type[..open];
            var lengthText = type[(open + 1)..^1];
            var items = Relabel(() => AbiValues.ToList(value, path));
            if (lengthText.Length > 0 && int.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture) != items.Count)
                throw new TypedDataException(path, $"{type} needs exactly {lengthText} elements, got {items.Count}");
            return items.Select((item, i) => Member(elementType, item, $"{path}[{i}]")).ToList();
        }
        if (Types.ContainsKey(type))
            return Members(type, value, path);
        if (type.StartsWith('('))
            throw new TypedDataException(path, "EIP-712 has no tuple types; declare a struct type");
        return Relabel(() => StrictArguments.ConvertValue(ABIType.CreateABIType(type), value, path));
    }

    private static T Relabel<T>(Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (AbiException e)
        {
            throw new TypedDataException(e.Path, e.Message[(e.Path.Length + 2)..]);
        }
        catch (ArgumentException e)
        {
            throw new TypedDataException("types", e.Message);
        }
    }

    private void CollectDependencies(string typeName, SortedSet<string> found)
    {
        if (!Types.TryGetValue(typeName, out var fields) || !found.Add(typeName))
            return;
        foreach (var field in fields)
            CollectDependencies(BaseType(field.Type), found);
    }

    private static string BaseType(string type)
    {
        var bracket = type.IndexOf('[');
        return bracket < 0 ? type : type[..bracket];
    }

    private IReadOnlyList<TypedDataField> Fields(string typeName, string path) =>
        Types.TryGetValue(typeName, out var fields) ? fields : throw new TypedDataException(path, $"type \"{typeName}\" is not defined");

    private static object? GetMember(object? structValue, string name, string path) => structValue switch
    {
        IReadOnlyDictionary<string, object?> dictionary => dictionary.TryGetValue(name, out var v) ? v : throw new TypedDataException($"{path}.{name}", "is missing"),
        JsonElement { ValueKind: JsonValueKind.Object } json => json.TryGetProperty(name, out var v) ? v : throw new TypedDataException($"{path}.{name}", "is missing"),
        null => throw new TypedDataException(path, "is missing (null)"),
        _ => throw new TypedDataException(path, $"a struct value must be a dictionary or JSON object, got {structValue.GetType().Name}"),
    };

    private static JsonElement Property(JsonElement element, string name, JsonValueKind kind, string? parent = null)
    {
        var path = parent is null ? name : $"{parent}.{name}";
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
            throw new TypedDataException(path, "is missing");
        if (value.ValueKind != kind)
            throw new TypedDataException(path, $"must be a JSON {kind}, got {value.ValueKind}");
        return value;
    }

    private static Dictionary<string, object?> ToDictionary(JsonElement json) =>
        json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
}
