using Commerce.Chain.Hex;

namespace Commerce.Chain.JsonRpc;

/// <summary>A block parameter: a number or one of the tags "latest", "pending", "earliest", "safe", "finalized".</summary>
public readonly record struct BlockTag(string Value)
{
    public static BlockTag Latest { get; } = new("latest");

    public static BlockTag Pending { get; } = new("pending");

    public static BlockTag Earliest { get; } = new("earliest");

    public static BlockTag Safe { get; } = new("safe");

    public static BlockTag Finalized { get; } = new("finalized");

    public static BlockTag Number(ulong number) => new(HexString.EncodeQuantity(number));

    public static implicit operator BlockTag(ulong number) => Number(number);

    public override string ToString() => Value ?? "latest";
}
