using Commerce.Chain.JsonRpc;

namespace Commerce.Execution.Executor;

/// <summary>How the node answered eth_sendRawTransaction, as far as the executor cares.</summary>
public enum SendOutcome
{
    /// <summary>Accepted now or earlier ("already known"), or the nonce already holds one of ours or is used up: the tracker finds out which.</summary>
    Accepted,

    /// <summary>Try again later: the node was unreachable, or the wallet lacks funds, or the fee is below the base fee.</summary>
    Deferred,

    /// <summary>These bytes will never be accepted (intrinsic gas, gas above the block limit, ...): fill the nonce with a no-op.</summary>
    Rejected,
}

/// <summary>Reads node answers (geth, Anvil, Erigon, Nethermind word them alike).</summary>
public static class SendOutcomes
{
    public static SendOutcome Classify(Exception error) => error switch
    {
        JsonRpcException rpc => Classify(rpc.RpcMessage),
        _ => SendOutcome.Deferred,
    };

    public static SendOutcome Classify(string message)
    {
        var m = message.ToLowerInvariant();
        if (m.Contains("already known") || m.Contains("already imported") || m.Contains("known transaction") || m.Contains("alreadyknown")
            || m.Contains("nonce too low") || m.Contains("underpriced") || m.Contains("already exists"))
            return SendOutcome.Accepted;
        if (m.Contains("insufficient funds") || m.Contains("less than block base fee") || m.Contains("fee cap") || m.Contains("feecap")
            || m.Contains("base fee") || m.Contains("txpool is full") || m.Contains("pool is full") || m.Contains("limit reached")
            || m.Contains("too many") || m.Contains("busy"))
            return SendOutcome.Deferred;
        return SendOutcome.Rejected;
    }
}
