using System.Numerics;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Execution.Executor;
using Commerce.Execution.Policy;
using Microsoft.Extensions.Configuration;
using Nethereum.Contracts;

namespace Commerce.Execution.Tests.Policy;

/// <summary>The campaign grains' entry in the allow-list: their batched airdrop mints, marked with their own key, and nothing else.</summary>
public sealed class MarketingCommandPolicyTests
{
    private static readonly EthAddress Collection = EthAddress.FromBytes(Keccak256.HashUtf8("marketing-collection").AsSpan(12));
    private static readonly EthAddress Other = EthAddress.FromBytes(Keccak256.HashUtf8("marketing-other").AsSpan(12));
    private static readonly byte[] MarketingKey = Keccak256.HashUtf8("marketing-key");
    private static readonly byte[] OrdersKey = Keccak256.HashUtf8("orders-key");

    private static CommandPolicy Policy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Marketing:CommandKey"] = Convert.ToBase64String(MarketingKey),
            ["Pricing:Collections:dragons:Contract"] = Collection.ToString(),
        }).Build();
        var options = new ExecutorOptions();
        MarketingCommandPolicy.Apply(options.Policy, configuration);
        return new CommandPolicy(options.Policy);
    }

    private static string MintBatchCall()
    {
        var call = new GameItemFunctions.MintBatch { Recipients = ["0x00000000000000000000000000000000000000aa"], TokenIds = [new BigInteger(7)] };
        return "0x" + Convert.ToHexStringLower(call.GetCallData());
    }

    private static ChainCommandRequested Command(string kind, EthAddress to, string data, string value = "0") =>
        new("campaign:spring:batch:1", kind, to.ToString(), value, data, 200_000, null);

    private static string? Refusal(CommandPolicy policy, ChainCommandRequested command) =>
        policy.Refusal(command, EthAddress.Parse(command.To), BigInteger.Parse(command.ValueWei), Convert.FromHexString(command.Data[2..]));

    [Fact]
    public void A_campaign_batch_marked_by_the_campaign_grains_may_be_signed_and_nothing_else_they_could_ask()
    {
        var policy = Policy();
        var batch = Command(ChainCommandKinds.AirdropMint, Collection, MintBatchCall());

        Assert.Null(Refusal(policy, ChainCommandMac.Sign(batch, ChainCommandKinds.MarketingRequester, MarketingKey)));
        Assert.StartsWith("requester", Refusal(policy, batch));
        Assert.StartsWith("requester", Refusal(policy, ChainCommandMac.Sign(batch, ChainCommandKinds.OrdersRequester, OrdersKey)));
        Assert.StartsWith("requesterMac", Refusal(policy, ChainCommandMac.Sign(batch, ChainCommandKinds.MarketingRequester, OrdersKey)));
        Assert.NotNull(Refusal(policy, ChainCommandMac.Sign(batch with { To = Other.ToString() }, ChainCommandKinds.MarketingRequester, MarketingKey)));
        Assert.NotNull(Refusal(policy, ChainCommandMac.Sign(batch with { ValueWei = "1" }, ChainCommandKinds.MarketingRequester, MarketingKey)));
        Assert.NotNull(Refusal(policy, ChainCommandMac.Sign(batch with { Data = OrderGrain.MintCall("0x00000000000000000000000000000000000000aa", "7") },
            ChainCommandKinds.MarketingRequester, MarketingKey)));
        Assert.NotNull(Refusal(policy, ChainCommandMac.Sign(batch with { Kind = ChainCommandKinds.Mint }, ChainCommandKinds.MarketingRequester, MarketingKey)));
    }

    [Fact]
    public void The_selector_is_mintBatch_of_the_game_item()
    {
        Assert.Equal("0x" + Convert.ToHexStringLower(Keccak256.HashUtf8("mintBatch(address[],uint256[],string[])").AsSpan(0, 4)),
            MarketingCommandPolicy.MintBatchSelector);
        Assert.StartsWith(MarketingCommandPolicy.MintBatchSelector, MintBatchCall(), StringComparison.Ordinal);
    }
}
