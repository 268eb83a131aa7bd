using System.Text.Json.Serialization;

namespace Commerce.Chain.JsonRpc;

/// <summary>Source-generated (reflection-free) JSON for the node's answers; hex numbers and data use the converters.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(QuantityJsonConverter), typeof(UInt64QuantityJsonConverter), typeof(HexBytesJsonConverter)])]
[JsonSerializable(typeof(RpcBlock))]
[JsonSerializable(typeof(RpcReceipt))]
[JsonSerializable(typeof(RpcTransaction))]
[JsonSerializable(typeof(RpcLog))]
[JsonSerializable(typeof(List<RpcLog>))]
[JsonSerializable(typeof(FeeHistory))]
[JsonSerializable(typeof(CallRequest))]
internal sealed partial class ChainJsonContext : JsonSerializerContext;
