using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Contracts.Messages;

namespace Commerce.Sdk.Tests.Support;

/// <summary>The game's wallet in the tests: sends the payment steps the SDK returned as EIP-1559 transactions signed with the player's key.</summary>
public sealed class StepSender(Uri rpcUrl, EthPrivateKey key, ulong chainId) : IDisposable
{
    private readonly HttpClient _http = new();

    public EthClient Eth => new(new JsonRpcClient(_http, new JsonRpcClientOptions { Endpoint = rpcUrl }));

    public async Task<IReadOnlyList<RpcReceipt>> SendAsync(IEnumerable<PaymentStep> steps)
    {
        var sender = new SigningContractSender(Eth, key, chainId) { ReceiptTimeout = TimeSpan.FromSeconds(60) };
        var receipts = new List<RpcReceipt>();
        foreach (var step in steps)
        {
            receipts.Add(await sender.SendAsync(new ContractCall
            {
                To = EthAddress.Parse(step.To, "step.to"),
                Data = HexString.Decode(step.Data, "step.data"),
                Value = BigInteger.Parse(step.Value, NumberStyles.None, CultureInfo.InvariantCulture),
                Description = step.Description ?? "payment step",
                Errors = CheckoutErrors.All,
            }));
        }

        return receipts;
    }

    public void Dispose() => _http.Dispose();
}
