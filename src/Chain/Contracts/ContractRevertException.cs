using Commerce.Chain.Abi;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>
/// A contract call or transaction reverted. <see cref="Reason"/> is the decoded revert data
/// (custom error with its arguments, Error(string), Panic) when the node returned it; a
/// transaction that was mined and reverted carries its <see cref="Receipt"/> instead.
/// </summary>
public sealed class ContractRevertException : Exception
{
    public ContractRevertException(string operation, RevertReason? reason, RpcReceipt? receipt = null, Exception? inner = null)
        : base(Describe(operation, reason, receipt), inner)
    {
        Operation = operation;
        Reason = reason;
        Receipt = receipt;
    }

    /// <summary>What was called: "Checkout.purchase".</summary>
    public string Operation { get; }

    public RevertReason? Reason { get; }

    public RpcReceipt? Receipt { get; }

    /// <summary>The custom error's name ("QuoteExpired"), or null when the revert was not a known custom error.</summary>
    public string? ErrorName => Reason?.ErrorName;

    /// <summary>The custom error's arguments in declaration order (BigInteger, EthAddress, byte[], ...; see <see cref="DecodedValues"/>).</summary>
    public IReadOnlyList<object?> ErrorArguments => Reason?.Arguments ?? [];

    /// <summary>Turns a reverted eth_call / eth_estimateGas into this exception; other RPC errors are returned as null.</summary>
    public static ContractRevertException? FromRpc(string operation, JsonRpcException error, CustomErrors errors)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.RevertData is not null)
            return new ContractRevertException(operation, error.DecodeRevert(errors), null, error);
        return error.RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase)
            ? new ContractRevertException(operation, null, null, error)
            : null;
    }

    private static string Describe(string operation, RevertReason? reason, RpcReceipt? receipt) =>
        reason is not null ? $"{operation} reverted: {reason}"
        : receipt is not null ? $"{operation} reverted in transaction {receipt.TransactionHash} (block {receipt.BlockNumber})"
        : $"{operation} reverted without revert data";
}
