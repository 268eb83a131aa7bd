using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;

namespace Commerce.Chain.Abi;

/// <summary>
/// The custom errors a call may revert with, as Nethereum <c>[Error]</c> types (<see cref="ErrorDTO"/>s):
/// what <see cref="RevertReason.Decode(ReadOnlySpan{byte}, CustomErrors?)"/> matches revert data against.
/// </summary>
public sealed class CustomErrors
{
    private static readonly AttributesToABIExtractor Extractor = new();

    private readonly (Type Type, ErrorABI Abi, byte[] Selector)[] _errors;

    public CustomErrors(params IEnumerable<Type> errorTypes)
    {
        ArgumentNullException.ThrowIfNull(errorTypes);
        _errors = errorTypes.Distinct().Select(Describe).ToArray();
    }

    public static CustomErrors None { get; } = new();

    /// <summary>The [Error] types, in the order given.</summary>
    public IReadOnlyList<Type> Types => _errors.Select(e => e.Type).ToArray();

    /// <summary>Their ABI descriptions (name, parameters, canonical signature).</summary>
    public IReadOnlyList<ErrorABI> Abis => _errors.Select(e => e.Abi).ToArray();

    /// <summary>These errors and those of <paramref name="other"/>.</summary>
    public CustomErrors With(CustomErrors other) => new([.. Types, .. (other ?? throw new ArgumentNullException(nameof(other))).Types]);

    internal (Type Type, ErrorABI Abi)? Find(ReadOnlySpan<byte> selector)
    {
        foreach (var error in _errors)
        {
            if (selector.SequenceEqual(error.Selector))
                return (error.Type, error.Abi);
        }
        return null;
    }

    internal static (Type, ErrorABI, byte[]) Describe(Type type)
    {
        if (!ErrorAttribute.IsErrorType(type))
            throw new ArgumentException($"{type.Name} has no [Error] attribute", nameof(type));
        var abi = Extractor.ExtractErrorABI(type);
        return (type, abi, Selectors.FromSha3Signature(abi.Sha3Signature, 4));
    }
}
