using Commerce.Chain.Contracts.Artifacts;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>Deploys contracts/src/GameItem.sol: <c>constructor(string name_, string symbol_, string baseURI_, address admin)</c>.</summary>
public sealed class GameItemConstructor() : ContractDeploymentMessage(ContractBytecode.GameItem)
{
    [Parameter("string", "name_", 1)]
    public string Name { get; set; } = "";

    [Parameter("string", "symbol_", 2)]
    public string Symbol { get; set; } = "";

    [Parameter("string", "baseURI_", 3)]
    public string BaseUri { get; set; } = "";

    [Parameter("address", "admin", 4)]
    public string Admin { get; set; } = "";
}
