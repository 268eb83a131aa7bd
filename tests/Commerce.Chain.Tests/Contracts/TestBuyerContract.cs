using System.Numerics;
using System.Text.Json;
using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>The test-only contracts/test/TestBuyer.sol: a contract buyer that accepts, refuses or re-enters on incoming ETH.</summary>
public sealed class TestBuyerContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "TestBuyer", CheckoutErrors.All)
{
    public enum OnEth
    {
        Accept = 0,
        Reject = 1,
        Reenter = 2,
    }

    private sealed class Constructor(string bytecode) : ContractDeploymentMessage(bytecode)
    {
        [Parameter("address", "checkout_", 1)]
        public string Checkout { get; set; } = "";
    }

    [Function("setOnEth")]
    private sealed class SetOnEth : FunctionMessage
    {
        [Parameter("uint8", "mode", 1)]
        public byte Mode { get; set; }

        [Parameter("bytes", "call", 2)]
        public byte[] Call { get; set; } = [];
    }

    [Function("purchase")]
    private sealed class Purchase : FunctionMessage
    {
        [Parameter("tuple", "quote", 1)]
        public QuoteStruct Quote { get; set; } = new();

        [Parameter("bytes", "signature", 2)]
        public byte[] Signature { get; set; } = [];
    }

    [Function("claim")]
    private sealed class Claim : FunctionMessage
    {
        [Parameter("address", "currency", 1)]
        public string Currency { get; set; } = "";

        [Parameter("address", "to", 2)]
        public string To { get; set; } = "";
    }

    [Function("lastReentryError", "bytes")]
    private sealed class LastReentryError : FunctionMessage;

    [Function("reentryAttempts", "uint256")]
    private sealed class ReentryAttempts : FunctionMessage;

    public static async Task<TestBuyerContract> DeployAsync(IContractSender sender, EthClient eth, EthAddress checkout)
    {
        var artifact = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Artifacts, "TestBuyer.json"))).RootElement;
        var constructor = new Constructor(artifact.GetProperty("bytecode").GetString()!) { Checkout = checkout.ToString() };
        var address = await DeployAsync(sender, "TestBuyer", constructor, CheckoutErrors.All, CancellationToken.None);
        return new TestBuyerContract(eth, address);
    }

    public Task<RpcReceipt> SetOnEthAsync(IContractSender sender, OnEth mode, byte[] reentryCall) =>
        SendAsync(sender, new SetOnEth { Mode = (byte)mode, Call = reentryCall }, CancellationToken.None);

    /// <summary>Has this buyer claim its credited refunds in <paramref name="currency"/> to <paramref name="to"/>.</summary>
    public Task<RpcReceipt> ClaimAsync(IContractSender sender, EthAddress currency, EthAddress to) =>
        SendAsync(sender, new Claim { Currency = currency.ToString(), To = to.ToString() }, CancellationToken.None);

    public Task<RpcReceipt> PurchaseAsync(IContractSender sender, CheckoutQuote quote, byte[] signature, BigInteger value) =>
        SendAsync(sender, new Purchase { Quote = quote.ToStruct(), Signature = signature }, CancellationToken.None, value);

    public Task<byte[]> LastReentryErrorAsync() => QueryAsync<LastReentryError, byte[]>(new(), CancellationToken.None);

    public Task<BigInteger> ReentryAttemptsAsync() => QueryAsync<ReentryAttempts, BigInteger>(new(), CancellationToken.None);
}
