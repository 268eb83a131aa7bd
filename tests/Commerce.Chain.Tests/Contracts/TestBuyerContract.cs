using System.Numerics;
using System.Text.Json;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>The test-only contracts/test/TestBuyer.sol: a contract buyer that accepts, refuses or re-enters on incoming ETH.</summary>
public sealed class TestBuyerContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "TestBuyer", CheckoutAbi.Errors)
{
    public enum OnEth
    {
        Accept = 0,
        Reject = 1,
        Reenter = 2,
    }

    private static readonly AbiFunction SetOnEth = AbiFunction.Parse("function setOnEth(uint8 mode, bytes call)");
    private static readonly AbiFunction Purchase = AbiFunction.Parse($"function purchase({CheckoutAbi.QuoteTuple} quote, bytes signature) payable");
    private static readonly AbiFunction LastReentryError = AbiFunction.Parse("function lastReentryError() view returns (bytes)");
    private static readonly AbiFunction ReentryAttempts = AbiFunction.Parse("function reentryAttempts() view returns (uint256)");

    public static async Task<TestBuyerContract> DeployAsync(IContractSender sender, EthClient eth, EthAddress checkout)
    {
        var artifact = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Artifacts, "TestBuyer.json"))).RootElement;
        var address = await DeployAsync(sender, "TestBuyer", artifact.GetProperty("bytecode").GetString()!,
            AbiFunction.Parse("function constructor(address checkout_)").Inputs, [checkout], CheckoutAbi.Errors, CancellationToken.None);
        return new TestBuyerContract(eth, address);
    }

    public Task<RpcReceipt> SetOnEthAsync(IContractSender sender, OnEth mode, byte[] reentryCall) =>
        SendAsync(sender, SetOnEth, 0, [(int)mode, reentryCall], CancellationToken.None);

    public Task<RpcReceipt> PurchaseAsync(IContractSender sender, CheckoutQuote quote, byte[] signature, BigInteger value) =>
        SendAsync(sender, Purchase, value, [quote.ToAbiTuple(), signature], CancellationToken.None);

    public Task<byte[]> LastReentryErrorAsync() => CallSingleAsync<byte[]>(LastReentryError, [], CancellationToken.None);

    public Task<BigInteger> ReentryAttemptsAsync() => CallSingleAsync<BigInteger>(ReentryAttempts, [], CancellationToken.None);
}
