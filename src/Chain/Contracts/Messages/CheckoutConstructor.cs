using Commerce.Chain.Contracts.Artifacts;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>Deploys contracts/src/Checkout.sol: <c>constructor(address admin, address signer, uint64 interval_)</c>.</summary>
public sealed class CheckoutConstructor() : ContractDeploymentMessage(ContractBytecode.Checkout)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    [Parameter("address", "signer", 2)]
    public string Signer { get; set; } = "";

    [Parameter("uint64", "interval_", 3)]
    public ulong InstallmentInterval { get; set; }
}
