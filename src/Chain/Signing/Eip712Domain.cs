using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Signing;

/// <summary>
/// The EIP-712 domain. Only the members that are set become part of the EIP712Domain type, in
/// the order the standard gives: name, version, chainId, verifyingContract, salt.
/// </summary>
public sealed record Eip712Domain
{
    public string? Name { get; init; }

    public string? Version { get; init; }

    public BigInteger? ChainId { get; init; }

    public EthAddress? VerifyingContract { get; init; }

    /// <summary>32 bytes.</summary>
    public byte[]? Salt { get; init; }

    public IReadOnlyList<TypedDataField> TypeFields()
    {
        var fields = new List<TypedDataField>();
        if (Name is not null)
            fields.Add(new("name", "string"));
        if (Version is not null)
            fields.Add(new("version", "string"));
        if (ChainId is not null)
            fields.Add(new("chainId", "uint256"));
        if (VerifyingContract is not null)
            fields.Add(new("verifyingContract", "address"));
        if (Salt is not null)
            fields.Add(new("salt", "bytes32"));
        return fields;
    }

    public IReadOnlyDictionary<string, object?> Values()
    {
        var values = new Dictionary<string, object?>();
        if (Name is not null)
            values["name"] = Name;
        if (Version is not null)
            values["version"] = Version;
        if (ChainId is not null)
            values["chainId"] = ChainId.Value;
        if (VerifyingContract is not null)
            values["verifyingContract"] = VerifyingContract;
        if (Salt is not null)
            values["salt"] = Salt;
        return values;
    }
}
