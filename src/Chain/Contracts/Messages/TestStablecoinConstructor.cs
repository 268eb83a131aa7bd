using Commerce.Chain.Contracts.Artifacts;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>Deploys contracts/src/TestStablecoin.sol: <c>constructor(address owner_)</c>.</summary>
public sealed class TestStablecoinConstructor() : ContractDeploymentMessage(ContractBytecode.TestStablecoin)
{
    [Parameter("address", "owner_", 1)]
    public string Owner { get; set; } = "";
}
