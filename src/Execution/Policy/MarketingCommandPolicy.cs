using Commerce.Chain.Contracts.Messages;
using Commerce.Events.Chain;
using Microsoft.Extensions.Configuration;
using Nethereum.Contracts;

namespace Commerce.Execution.Policy;

/// <summary>
/// The allow-list entry for the campaign grains of this instance's own configuration, added when
/// <c>Marketing:CommandKey</c> is set and <c>Execution:Policy</c> names no "marketing" requester of its own: requester
/// "marketing" with that key; kind airdrop-mint: GameItem.mintBatch on the collections of
/// <c>Pricing:Collections:*:Contract</c>, sending no value.
/// </summary>
public static class MarketingCommandPolicy
{
    /// <summary>GameItem.mintBatch(address[],uint256[],string[]).</summary>
    public static readonly string MintBatchSelector = "0x" + ABITypedRegistry.GetFunctionABI<GameItemFunctions.MintBatch>().Sha3Signature;

    public static void Apply(CommandPolicyOptions policy, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration["Marketing:CommandKey"];
        if (string.IsNullOrWhiteSpace(key) || policy.Requesters.ContainsKey(ChainCommandKinds.MarketingRequester))
            return;
        policy.Requesters[ChainCommandKinds.MarketingRequester] = key;
        var collections = configuration.GetSection("Pricing:Collections").GetChildren()
            .Select(c => c["Contract"]).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).ToList();
        if (collections.Count > 0)
        {
            policy.Kinds.TryAdd(ChainCommandKinds.AirdropMint, new KindRule
            {
                Requesters = [ChainCommandKinds.MarketingRequester],
                Contracts = collections,
                Selectors = [MintBatchSelector],
                MaxValueWei = "0",
            });
        }
    }
}
