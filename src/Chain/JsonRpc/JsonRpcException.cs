using System.Text.Json;
using Commerce.Chain.Abi;
using Commerce.Chain.Hex;

namespace Commerce.Chain.JsonRpc;

/// <summary>
/// The node answered with a JSON-RPC error object. For reverted calls (eth_call, eth_estimateGas,
/// code 3 on geth and Anvil) <see cref="RevertData"/> holds the revert bytes and <see cref="Revert"/>
/// their decoding (Error(string), Panic(uint256)); pass custom errors to <see cref="DecodeRevert"/>.
/// </summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException(string method, long code, string rpcMessage, JsonElement? data)
        : base($"{method} failed: {rpcMessage} (code {code})")
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
        RevertData = ReadRevertData(data);
        Revert = RevertData is null ? null : RevertReason.Decode(RevertData);
    }

    public string Method { get; }

    public long Code { get; }

    public string RpcMessage { get; }

    /// <summary>The error's "data" member, if any.</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>Revert bytes when "data" holds them (a hex string, or an object with a hex "data" member).</summary>
    public byte[]? RevertData { get; }

    public RevertReason? Revert { get; }

    public RevertReason? DecodeRevert(CustomErrors customErrors) =>
        RevertData is null ? null : RevertReason.Decode(RevertData, customErrors);

    private static byte[]? ReadRevertData(JsonElement? data)
    {
        var element = data;
        if (element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("data", out var inner))
            element = inner;
        if (element is { ValueKind: JsonValueKind.String } text
            && text.GetString() is { } hex
            && hex.StartsWith("0x", StringComparison.Ordinal)
            && HexString.IsValid(hex))
            return HexString.Decode(hex);
        return null;
    }
}
