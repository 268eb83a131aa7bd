using Commerce.Testing.Anvil;
using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;

namespace Commerce.Chain.Tests.Anvil;

/// <summary>eth_call, eth_estimateGas, reverts and logs against hand-assembled contracts on a real node.</summary>
[Collection(nameof(AnvilCollection))]
public class ContractCallTests(AnvilFixture anvil)
{
    private static readonly AbiEvent Transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");

    [Fact]
    public async Task Call_data_round_trips_through_eth_call()
    {
        var echo = Bytecode.AddressFor("echo");
        await anvil.Anvil.SetCodeAsync(echo, Bytecode.EchoRuntime);
        var quote = AbiFunction.Parse("function quote(uint256 itemId, (address seller, uint96 price)[] offers, string note)");
        var seller = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var callData = quote.EncodeCall(42, new[] { new object[] { seller, 1_000 } }, "flame sword");

        var returned = await anvil.Eth.CallAsync(new CallRequest { To = echo, Data = callData });

        var decoded = quote.DecodeCall(returned);
        Assert.Equal(new BigInteger(42), decoded[0]);
        Assert.Equal(seller, ((object?[])((object?[])decoded[1]!)[0]!)[0]);
        Assert.Equal("flame sword", decoded[2]);
        Assert.InRange(await anvil.Eth.EstimateGasAsync(new CallRequest { From = AnvilFixture.DevKeys[0].Address, To = echo, Data = callData }), 21_000ul, 100_000ul);
    }

    [Fact]
    public async Task A_revert_surfaces_as_a_typed_error_with_its_decoded_reason()
    {
        var reverter = Bytecode.AddressFor("reverter");
        await anvil.Anvil.SetCodeAsync(reverter, Bytecode.RevertRuntime);
        var errorString = AbiError.Parse("error Error(string)");
        var soldOut = AbiError.Parse("error SoldOut(uint256 itemId)");

        var withMessage = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Eth.CallAsync(new CallRequest { To = reverter, Data = errorString.Encode("item is sold out") }));
        Assert.Equal("eth_call", withMessage.Method);
        Assert.Equal(RevertKind.Error, withMessage.Revert!.Kind);
        Assert.Equal("item is sold out", withMessage.Revert.Message);

        var custom = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Eth.CallAsync(new CallRequest { To = reverter, Data = soldOut.Encode(42) }));
        var reason = custom.DecodeRevert(soldOut);
        Assert.Equal(RevertKind.Custom, reason!.Kind);
        Assert.Equal("SoldOut(42)", reason.ToString());
    }

    [Fact]
    public async Task Logs_of_a_mined_transaction_decode_and_can_be_found_by_topic()
    {
        var emitter = Bytecode.AddressFor("emitter");
        await anvil.Anvil.SetCodeAsync(emitter, Bytecode.LogEmitterRuntime(Transfer.Topic0));
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
            Data = AbiEncoder.Encode([AbiType.Address, AbiType.Address, AbiType.UInt(256)], [key.Address, to, 777]),
        };

        var receipt = await anvil.Eth.WaitForReceiptAsync(await anvil.Eth.SendRawTransactionAsync(transaction.SignWith(key)), TimeSpan.FromSeconds(20));

        var log = Assert.Single(receipt.Logs);
        Assert.Equal(emitter, log.Address);
        var decoded = Transfer.Decode(log.Topics, Chain.Hex.HexString.Encode(log.Data));
        Assert.Equal(key.Address, decoded["from"]);
        Assert.Equal(to, decoded["to"]);
        Assert.Equal(new BigInteger(777), decoded["value"]);

        var found = await anvil.Eth.GetLogsAsync(new LogFilter
        {
            FromBlock = receipt.BlockNumber,
            ToBlock = receipt.BlockNumber,
            Addresses = [emitter],
            Topics = [[Transfer.Topic0], null, [AbiEvent.EncodeTopic(AbiType.Address, to)]],
        });
        Assert.Equal(receipt.TransactionHash, Assert.Single(found).TransactionHash);
    }
}
