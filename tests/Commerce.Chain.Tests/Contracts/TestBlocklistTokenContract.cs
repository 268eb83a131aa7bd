using System.Text.Json;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>
/// The test-only contracts/test/TestBlocklistToken.sol: an ERC-20 whose owner blocks addresses (no transfer to or from
/// them). Its mint, approve and balanceOf are TestStablecoin's (<see cref="Coin"/>); this adds the blocklist.
/// </summary>
public sealed class TestBlocklistTokenContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "TestBlocklistToken", Chain.Contracts.Messages.TestStablecoinErrors.All)
{
    private sealed class Constructor(string bytecode) : ContractDeploymentMessage(bytecode)
    {
        [Parameter("address", "owner_", 1)]
        public string Owner { get; set; } = "";
    }

    [Function("setBlocked")]
    private sealed class SetBlocked : FunctionMessage
    {
        [Parameter("address", "account", 1)]
        public string Account { get; set; } = "";

        [Parameter("bool", "isBlocked", 2)]
        public bool IsBlocked { get; set; }
    }

    /// <summary>The same token through the stablecoin's binding: mint, approve, balanceOf.</summary>
    public TestStablecoinContract Coin { get; } = new(eth, address);

    public static async Task<TestBlocklistTokenContract> DeployAsync(IContractSender sender, EthClient eth, EthAddress owner)
    {
        var artifact = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Artifacts, "TestBlocklistToken.json"))).RootElement;
        var constructor = new Constructor(artifact.GetProperty("bytecode").GetString()!) { Owner = owner.ToString() };
        var address = await DeployAsync(sender, "TestBlocklistToken", constructor, Chain.Contracts.Messages.TestStablecoinErrors.All, CancellationToken.None);
        return new TestBlocklistTokenContract(eth, address);
    }

    public Task<RpcReceipt> SetBlockedAsync(IContractSender sender, EthAddress account, bool blocked) =>
        SendAsync(sender, new SetBlocked { Account = account.ToString(), IsBlocked = blocked }, CancellationToken.None);
}
