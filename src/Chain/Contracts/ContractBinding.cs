using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>
/// What every typed contract wrapper shares: the contract's address, read-only calls through
/// eth_call (reverts become <see cref="ContractRevertException"/> with the contract's custom errors
/// decoded), building <see cref="ContractCall"/>s for writes, and deployment.
/// </summary>
public abstract class ContractBinding(EthClient eth, EthAddress address, string contractName, IReadOnlyList<AbiError> errors)
{
    public EthClient Eth { get; } = eth ?? throw new ArgumentNullException(nameof(eth));

    public EthAddress Address { get; } = address ?? throw new ArgumentNullException(nameof(address));

    /// <summary>The custom errors a call to this contract may revert with (its own and those of contracts it calls).</summary>
    public IReadOnlyList<AbiError> Errors { get; } = errors;

    public string ContractName { get; } = contractName;

    /// <summary>The call of <paramref name="function"/> with <paramref name="arguments"/>, to hand to an <see cref="IContractSender"/>.</summary>
    public ContractCall BuildCall(AbiFunction function, System.Numerics.BigInteger value, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new ContractCall
        {
            To = Address,
            Data = function.EncodeCall(arguments),
            Value = value,
            Description = $"{ContractName}.{function.Name}",
            Errors = Errors,
        };
    }

    protected Task<RpcReceipt> SendAsync(IContractSender sender, AbiFunction function, System.Numerics.BigInteger value, object?[] arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return sender.SendAsync(BuildCall(function, value, arguments), ct);
    }

    /// <summary>eth_call of a view function; returns its decoded outputs.</summary>
    protected async Task<object?[]> CallAsync(AbiFunction function, object?[] arguments, CancellationToken ct, BlockTag? block = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        var request = new CallRequest { To = Address, Data = function.EncodeCall(arguments) };
        try
        {
            return function.DecodeOutput(await Eth.CallAsync(request, block, ct).ConfigureAwait(false));
        }
        catch (JsonRpcException e) when (ContractRevertException.FromRpc($"{ContractName}.{function.Name}", e, Errors) is { } revert)
        {
            throw revert;
        }
    }

    protected async Task<T> CallSingleAsync<T>(AbiFunction function, object?[] arguments, CancellationToken ct) =>
        (T)(await CallAsync(function, arguments, ct).ConfigureAwait(false))[0]!;

    /// <summary>Deploys <paramref name="bytecodeHex"/> with ABI-encoded constructor arguments; returns the new contract's address.</summary>
    protected static async Task<EthAddress> DeployAsync(
        IContractSender sender, string contractName, string bytecodeHex, IReadOnlyList<AbiParameter> constructorInputs,
        object?[] arguments, IReadOnlyList<AbiError> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var call = new ContractCall
        {
            To = null,
            Data = [.. HexString.Decode(bytecodeHex, "bytecode"), .. AbiEncoder.Encode(constructorInputs, arguments)],
            Description = $"{contractName}.constructor",
            Errors = errors,
        };
        var receipt = await sender.SendAsync(call, ct).ConfigureAwait(false);
        return receipt.ContractAddress ?? throw new InvalidOperationException($"the receipt of {contractName}'s deployment {receipt.TransactionHash} has no contract address");
    }

    /// <summary>The logs of <paramref name="logs"/> emitted by this contract.</summary>
    protected IEnumerable<RpcLog> OwnLogs(IEnumerable<RpcLog> logs) =>
        (logs ?? throw new ArgumentNullException(nameof(logs))).Where(l => l.Address == Address && l.Topics.Count > 0);
}
