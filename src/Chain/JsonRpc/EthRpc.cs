using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.JsonRpc;

/// <summary>
/// The eth_ methods we use, as <see cref="RpcCall{T}"/> values (send one, or batch several).
/// Each quotes the Ethereum JSON-RPC specification's meaning.
/// </summary>
public static class EthRpc
{
    /// <summary>eth_chainId: "Returns the chain ID of the current network."</summary>
    public static RpcCall<ulong> ChainId() => new("eth_chainId", [], Quantity64);

    /// <summary>eth_blockNumber: "Returns the number of most recent block."</summary>
    public static RpcCall<ulong> BlockNumber() => new("eth_blockNumber", [], Quantity64);

    /// <summary>eth_getBalance: "Returns the balance of the account of given address" (wei).</summary>
    public static RpcCall<BigInteger> GetBalance(EthAddress address, BlockTag? block = null) =>
        new("eth_getBalance", [address.ToLowerHex(), Tag(block)], Quantity);

    /// <summary>eth_getTransactionCount: "Returns the number of transactions sent from an address" (the next nonce; use Pending to count queued ones).</summary>
    public static RpcCall<ulong> GetTransactionCount(EthAddress address, BlockTag? block = null) =>
        new("eth_getTransactionCount", [address.ToLowerHex(), Tag(block)], Quantity64);

    /// <summary>eth_sendRawTransaction: "Submits a raw transaction"; returns the transaction hash.</summary>
    public static RpcCall<string> SendRawTransaction(ReadOnlySpan<byte> raw) =>
        new("eth_sendRawTransaction", [HexString.Encode(raw)], Text);

    /// <summary>eth_getTransactionReceipt: "Returns the receipt of a transaction by transaction hash" (null while pending).</summary>
    public static RpcCall<RpcReceipt?> GetTransactionReceipt(string transactionHash) =>
        new("eth_getTransactionReceipt", [transactionHash], e => Object(e, ChainJsonContext.Default.RpcReceipt));

    /// <summary>eth_getTransactionByHash: "Returns the information about a transaction requested by transaction hash."</summary>
    public static RpcCall<RpcTransaction?> GetTransactionByHash(string transactionHash) =>
        new("eth_getTransactionByHash", [transactionHash], e => Object(e, ChainJsonContext.Default.RpcTransaction));

    /// <summary>eth_getBlockByNumber: "Returns information about a block by number" (transactions as hashes).</summary>
    public static RpcCall<RpcBlock?> GetBlockByNumber(BlockTag block) =>
        new("eth_getBlockByNumber", [block.ToString(), false], e => Object(e, ChainJsonContext.Default.RpcBlock));

    /// <summary>eth_call: "Executes a new message call immediately without creating a transaction"; returns the return data.</summary>
    public static RpcCall<byte[]> Call(CallRequest request, BlockTag? block = null) =>
        new("eth_call", [Request(request), Tag(block)], Data);

    /// <summary>eth_estimateGas: "Generates and returns an estimate of how much gas is necessary to allow the transaction to complete."</summary>
    public static RpcCall<ulong> EstimateGas(CallRequest request) =>
        new("eth_estimateGas", [Request(request)], Quantity64);

    /// <summary>eth_feeHistory: base fees and priority-fee percentiles of the last <paramref name="blockCount"/> blocks up to <paramref name="newestBlock"/>.</summary>
    public static RpcCall<FeeHistory> FeeHistory(int blockCount, BlockTag newestBlock, IReadOnlyList<double>? rewardPercentiles = null) =>
        new("eth_feeHistory",
            [HexString.EncodeQuantity((ulong)blockCount), newestBlock.ToString(), new JsonArray((rewardPercentiles ?? []).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray())],
            e => e.Deserialize(ChainJsonContext.Default.FeeHistory) ?? throw new JsonException("null fee history"));

    /// <summary>eth_maxPriorityFeePerGas: the node's suggested priority fee (wei).</summary>
    public static RpcCall<BigInteger> MaxPriorityFeePerGas() => new("eth_maxPriorityFeePerGas", [], Quantity);

    /// <summary>eth_gasPrice: the node's suggested legacy gas price (wei).</summary>
    public static RpcCall<BigInteger> GasPrice() => new("eth_gasPrice", [], Quantity);

    /// <summary>eth_getLogs: "Returns an array of all logs matching a given filter object."</summary>
    public static RpcCall<IReadOnlyList<RpcLog>> GetLogs(LogFilter filter) =>
        new("eth_getLogs", [filter.ToJson()], e => (IReadOnlyList<RpcLog>?)e.Deserialize(ChainJsonContext.Default.ListRpcLog) ?? []);

    internal static string Tag(BlockTag? block) => (block ?? BlockTag.Latest).ToString();

    internal static ulong Quantity64(JsonElement e) => HexString.DecodeQuantityUInt64(e.GetString(), "result");

    internal static BigInteger Quantity(JsonElement e) => HexString.DecodeQuantity(e.GetString(), "result");

    internal static string Text(JsonElement e) => e.GetString() ?? throw new JsonException("null result");

    internal static byte[] Data(JsonElement e) => HexString.Decode(e.GetString(), "result");

    private static JsonNode Request(CallRequest request) =>
        JsonSerializer.SerializeToNode(request, ChainJsonContext.Default.CallRequest)!;

    private static T? Object<T>(JsonElement e, JsonTypeInfo<T> type) where T : class =>
        e.ValueKind == JsonValueKind.Null ? null : e.Deserialize(type);
}
