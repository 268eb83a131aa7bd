using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>
/// Sends <see cref="ContractCall"/>s from one account and returns the mined receipt. Implementations
/// throw <see cref="ContractRevertException"/> when the call reverts (at estimation or once mined).
/// </summary>
public interface IContractSender
{
    EthAddress From { get; }

    Task<RpcReceipt> SendAsync(ContractCall call, CancellationToken ct = default);
}
