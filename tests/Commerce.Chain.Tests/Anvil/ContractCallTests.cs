using Commerce.Testing.Anvil;
using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Tests.Anvil;

/// <summary>eth_call, eth_estimateGas, reverts and logs against hand-assembled contracts on a real node, through Nethereum's typed messages.</summary>
[Collection(nameof(AnvilCollection))]
public class ContractCallTests(AnvilFixture anvil)
{
    [Function("quote")]
    private sealed class QuoteCall : FunctionMessage
    {
        [Parameter("uint256", "itemId", 1)]
        public BigInteger ItemId { get; set; }

        [Parameter("tuple[]", "offers", 2)]
        public List<Offer> Offers { get; set; } = [];

        [Parameter("string", "note", 3)]
        public string Note { get; set; } = "";
    }

    private sealed class Offer
    {
        [Parameter("address", "seller", 1)]
        public string Seller { get; set; } = "";

        [Parameter("uint96", "price", 2)]
        public BigInteger Price { get; set; }
    }

    [Error("Error")]
    private sealed class ErrorString : IErrorDTO
    {
        [Parameter("string", "message", 1)]
        public string Message { get; set; } = "";
    }

    [Error("SoldOut")]
    private sealed class SoldOut : IErrorDTO
    {
        [Parameter("uint256", "itemId", 1)]
        public BigInteger ItemId { get; set; }
    }

    [Fact]
    public async Task Call_data_round_trips_through_eth_call()
    {
        var echo = Bytecode.AddressFor("echo");
        await anvil.Anvil.SetCodeAsync(echo, Bytecode.EchoRuntime);
        var seller = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var callData = new QuoteCall { ItemId = 42, Offers = [new Offer { Seller = seller.ToString(), Price = 1_000 }], Note = "flame sword" }.GetCallData();

        var returned = await anvil.Eth.CallAsync(new CallRequest { To = echo, Data = callData });

        var decoded = new QuoteCall().DecodeInput(HexString.Encode(returned));
        Assert.Equal(new BigInteger(42), decoded.ItemId);
        Assert.Equal(seller, EthAddress.Parse(Assert.Single(decoded.Offers).Seller));
        Assert.Equal("flame sword", decoded.Note);
        Assert.InRange(await anvil.Eth.EstimateGasAsync(new CallRequest { From = AnvilFixture.DevKeys[0].Address, To = echo, Data = callData }), 21_000ul, 100_000ul);
    }

    [Fact]
    public async Task A_revert_surfaces_as_a_typed_error_with_its_decoded_reason()
    {
        var reverter = Bytecode.AddressFor("reverter");
        await anvil.Anvil.SetCodeAsync(reverter, Bytecode.RevertRuntime);
        var errors = new CustomErrors(typeof(ErrorString), typeof(SoldOut));

        var withMessage = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Eth.CallAsync(new CallRequest { To = reverter, Data = Encode(errors, 0, "item is sold out") }));
        Assert.Equal("eth_call", withMessage.Method);
        Assert.Equal(RevertKind.Error, withMessage.Revert!.Kind);
        Assert.Equal("item is sold out", withMessage.Revert.Message);

        var custom = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Eth.CallAsync(new CallRequest { To = reverter, Data = Encode(errors, 1, 42) }));
        var reason = custom.DecodeRevert(errors);
        Assert.Equal(RevertKind.Custom, reason!.Kind);
        Assert.Equal("SoldOut(42)", reason.ToString());
        Assert.Equal(new BigInteger(42), Assert.IsType<SoldOut>(reason.Error).ItemId);
    }

    [Fact]
    public async Task Logs_of_a_mined_transaction_decode_and_can_be_found_by_topic()
    {
        var emitter = Bytecode.AddressFor("emitter");
        await anvil.Anvil.SetCodeAsync(emitter, Bytecode.LogEmitterRuntime(TypedEvent<TestStablecoinEvents.Transfer>.Topic0));
        var key = AnvilFixture.DevKeys[1];
        var to = EthPrivateKey.Generate().Address;
        var baseFee = (await anvil.Eth.GetBlockByNumberAsync(BlockTag.Latest))!.BaseFeePerGas!.Value;
        var transaction = new Eip1559Transaction
        {
            ChainId = AnvilFixture.ChainId,
            Nonce = await anvil.Eth.GetTransactionCountAsync(key.Address, BlockTag.Pending),
            MaxPriorityFeePerGas = 1,
            MaxFeePerGas = baseFee * 2 + 1,
            GasLimit = 100_000,
            To = emitter,
            Data = new ABIEncode().GetABIEncoded(new ABIValue("address", key.Address.ToString()), new ABIValue("address", to.ToString()), new ABIValue("uint256", 777)),
        };

        var receipt = await anvil.Eth.WaitForReceiptAsync(await anvil.Eth.SendRawTransactionAsync(transaction.SignWith(key)), TimeSpan.FromSeconds(20));

        var log = Assert.Single(receipt.Logs);
        Assert.Equal(emitter, log.Address);
        var decoded = TypedEvent<TestStablecoinEvents.Transfer>.Decode(log.Topics, log.Data);
        Assert.Equal(key.Address, EthAddress.Parse(decoded.From));
        Assert.Equal(to, EthAddress.Parse(decoded.To));
        Assert.Equal(new BigInteger(777), decoded.Value);

        var found = await anvil.Eth.GetLogsAsync(new LogFilter
        {
            FromBlock = receipt.BlockNumber,
            ToBlock = receipt.BlockNumber,
            Addresses = [emitter],
            Topics = [[TypedEvent<TestStablecoinEvents.Transfer>.Topic0], null, [[.. new byte[12], .. to.ToBytes()]]],
        });
        Assert.Equal(receipt.TransactionHash, Assert.Single(found).TransactionHash);
    }

    private static byte[] Encode(CustomErrors errors, int index, params object[] values)
    {
        var abi = errors.Abis[index];
        return HexString.Decode(new FunctionCallEncoder().EncodeRequest(abi.Sha3Signature, abi.InputParameters, values));
    }
}
