using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Contracts;

/// <summary>
/// What every typed contract wrapper shares: the contract's address, read-only calls through
/// eth_call (reverts become <see cref="ContractRevertException"/> with the contract's custom errors
/// decoded), building <see cref="ContractCall"/>s for writes from Nethereum function messages, and deployment.
/// </summary>
public abstract class ContractBinding(EthClient eth, EthAddress address, string contractName, CustomErrors errors)
{
    public EthClient Eth { get; } = eth ?? throw new ArgumentNullException(nameof(eth));

    public EthAddress Address { get; } = address ?? throw new ArgumentNullException(nameof(address));

    /// <summary>The custom errors a call to this contract may revert with (its own and those of contracts it calls).</summary>
    public CustomErrors Errors { get; } = errors ?? throw new ArgumentNullException(nameof(errors));

    public string ContractName { get; } = contractName;

    /// <summary>The call <paramref name="function"/> describes, to hand to an <see cref="IContractSender"/>.</summary>
    public ContractCall BuildCall<TFunction>(TFunction function, BigInteger value = default) where TFunction : FunctionMessage
    {
        ArgumentNullException.ThrowIfNull(function);
        return new ContractCall
        {
            To = Address,
            Data = function.GetCallData(),
            Value = value,
            Description = $"{ContractName}.{TypedFunction<TFunction>.Abi.Name}",
            Errors = Errors,
        };
    }

    protected Task<RpcReceipt> SendAsync<TFunction>(IContractSender sender, TFunction function, CancellationToken ct, BigInteger value = default)
        where TFunction : FunctionMessage
    {
        ArgumentNullException.ThrowIfNull(sender);
        return sender.SendAsync(BuildCall(function, value), ct);
    }

    /// <summary>eth_call of a view returning one value (an address comes back as a string: use <see cref="QueryAddressAsync"/>).</summary>
    protected async Task<TResult> QueryAsync<TFunction, TResult>(TFunction function, CancellationToken ct) where TFunction : FunctionMessage =>
        TypedFunction<TFunction>.DecodeSingle<TResult>(await CallAsync(function, ct).ConfigureAwait(false));

    protected async Task<EthAddress> QueryAddressAsync<TFunction>(TFunction function, CancellationToken ct) where TFunction : FunctionMessage =>
        EthAddress.Parse(await QueryAsync<TFunction, string>(function, ct).ConfigureAwait(false), TypedFunction<TFunction>.Abi.Name);

    /// <summary>eth_call of a view returning a [FunctionOutput] type.</summary>
    protected async Task<TOutput> QueryOutputAsync<TFunction, TOutput>(TFunction function, CancellationToken ct)
        where TFunction : FunctionMessage where TOutput : IFunctionOutputDTO, new() =>
        TypedFunction<TFunction>.DecodeOutput<TOutput>(await CallAsync(function, ct).ConfigureAwait(false));

    private async Task<byte[]> CallAsync<TFunction>(TFunction function, CancellationToken ct) where TFunction : FunctionMessage
    {
        ArgumentNullException.ThrowIfNull(function);
        var request = new CallRequest { To = Address, Data = function.GetCallData() };
        var operation = $"{ContractName}.{TypedFunction<TFunction>.Abi.Name}";
        try
        {
            return await Eth.CallAsync(request, null, ct).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (ContractRevertException.FromRpc(operation, e, Errors) is { } revert)
        {
            throw revert;
        }
    }

    /// <summary>Deploys the bytecode of <paramref name="constructor"/> with its ABI-encoded arguments; returns the new contract's address.</summary>
    protected static async Task<EthAddress> DeployAsync<TConstructor>(
        IContractSender sender, string contractName, TConstructor constructor, CustomErrors errors, CancellationToken ct)
        where TConstructor : ContractDeploymentMessage
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(constructor);
        var call = new ContractCall
        {
            To = null,
            Data = HexString.Decode(new ConstructorCallEncoder().EncodeRequest(constructor, constructor.ByteCode), "bytecode"),
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
