using Commerce.Testing.Anvil;
using System.Numerics;
using System.Text.Json.Nodes;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;

namespace Commerce.Chain.Tests.Anvil;

/// <summary>Every kind of transaction we produce is accepted by a real node and attributed to our address.</summary>
[Collection(nameof(AnvilCollection))]
public class TransactionAcceptanceTests(AnvilFixture anvil)
{
    private static readonly EthPrivateKey Sender = AnvilFixture.DevKeys[0];
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_legacy_eip155_transfer_is_mined_from_our_address()
    {
        var recipient = EthPrivateKey.Generate().Address;
        var transaction = new LegacyTransaction
        {
            ChainId = AnvilFixture.ChainId,
            Nonce = await anvil.Eth.GetTransactionCountAsync(Sender.Address, BlockTag.Pending),
            GasPrice = await anvil.Rpc.SendAsync(EthRpc.GasPrice()),
            GasLimit = 21_000,
            To = recipient,
            Value = 12_345,
        };
        var signed = transaction.SignWith(Sender);

        var hash = await anvil.Eth.SendRawTransactionAsync(signed);
        Assert.Equal(signed.Hash, hash);
        var receipt = await anvil.Eth.WaitForReceiptAsync(hash, ReceiptTimeout);
        Assert.True(receipt.Succeeded, "expected the legacy transfer to succeed");
        Assert.Equal(Sender.Address, receipt.From);
        Assert.Equal(0ul, receipt.Type);
        var mined = await anvil.Eth.GetTransactionByHashAsync(hash);
        Assert.Equal(Sender.Address, mined!.From);
        Assert.Equal(AnvilFixture.ChainId * 2 + 35 + signed.Signature.YParity, (ulong)mined.V!.Value);
        Assert.Equal(new BigInteger(12_345), await anvil.Eth.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task An_eip1559_transfer_with_an_access_list_is_mined_from_our_address()
    {
        var recipient = EthPrivateKey.Generate().Address;
        var baseFee = (await anvil.Eth.GetBlockByNumberAsync(BlockTag.Latest))!.BaseFeePerGas!.Value;
        var tip = await anvil.Eth.GetMaxPriorityFeePerGasAsync();
        var transaction = new Eip1559Transaction
        {
            ChainId = AnvilFixture.ChainId,
            Nonce = await anvil.Eth.GetTransactionCountAsync(Sender.Address, BlockTag.Pending),
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = baseFee * 2 + tip,
            GasLimit = 30_000,
            To = recipient,
            Value = BigInteger.Pow(10, 15),
            AccessList = [new AccessListEntry(recipient, [new byte[32]])],
        };
        var signed = transaction.SignWith(Sender);

        var receipt = await anvil.Eth.WaitForReceiptAsync(await anvil.Eth.SendRawTransactionAsync(signed), ReceiptTimeout);
        Assert.True(receipt.Succeeded, "expected the EIP-1559 transfer to succeed");
        Assert.Equal(Sender.Address, receipt.From);
        Assert.Equal(2ul, receipt.Type);
        var mined = await anvil.Eth.GetTransactionByHashAsync(signed.Hash);
        Assert.Equal(Sender.Address, mined!.From);
        Assert.Equal(transaction.MaxFeePerGas, mined.MaxFeePerGas);
        Assert.Equal(BigInteger.Pow(10, 15), await anvil.Eth.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task A_contract_creation_lands_at_the_address_computed_from_sender_and_nonce()
    {
        var nonce = await anvil.Eth.GetTransactionCountAsync(Sender.Address, BlockTag.Pending);
        var baseFee = (await anvil.Eth.GetBlockByNumberAsync(BlockTag.Latest))!.BaseFeePerGas!.Value;
        var creation = new Eip1559Transaction
        {
            ChainId = AnvilFixture.ChainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = 1,
            MaxFeePerGas = baseFee * 2 + 1,
            GasLimit = 100_000,
            Data = Bytecode.EchoInit,
        };
        var receipt = await anvil.Eth.WaitForReceiptAsync(await anvil.Eth.SendRawTransactionAsync(creation.SignWith(Sender)), ReceiptTimeout);
        Assert.True(receipt.Succeeded, "expected the contract creation to succeed");
        Assert.Null(receipt.To);
        Assert.Equal(ContractAddress.FromSenderAndNonce(Sender.Address, nonce), receipt.ContractAddress);
        var code = await anvil.Rpc.SendAsync("eth_getCode", [receipt.ContractAddress!.ToLowerHex(), "latest"]);
        Assert.Equal(HexString.Encode(Bytecode.EchoRuntime), code.GetString());
    }

    [Fact]
    public async Task Our_signed_transactions_are_byte_identical_to_anvils_own_signing()
    {
        // Same fields, same key: RFC 6979 makes the signatures, and so the raw bytes, identical.
        var to = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var legacy = new LegacyTransaction { ChainId = AnvilFixture.ChainId, Nonce = 5, GasPrice = 1_000_000_000, GasLimit = 21_000, To = to, Value = 1 };
        var typed = new Eip1559Transaction
        {
            ChainId = AnvilFixture.ChainId, Nonce = 6, MaxPriorityFeePerGas = 1, MaxFeePerGas = 1_000_000_000,
            GasLimit = 21_000, To = to, Value = 1, Data = [0xca, 0xfe],
        };

        var anvilLegacy = await SignOnAnvil(new JsonObject
        {
            ["from"] = Sender.Address.ToLowerHex(), ["to"] = to.ToLowerHex(), ["gas"] = "0x5208", ["gasPrice"] = "0x3b9aca00",
            ["value"] = "0x1", ["nonce"] = "0x5", ["chainId"] = "0x7a69",
        });
        var anvilTyped = await SignOnAnvil(new JsonObject
        {
            ["from"] = Sender.Address.ToLowerHex(), ["to"] = to.ToLowerHex(), ["gas"] = "0x5208", ["maxFeePerGas"] = "0x3b9aca00",
            ["maxPriorityFeePerGas"] = "0x1", ["value"] = "0x1", ["nonce"] = "0x6", ["chainId"] = "0x7a69", ["input"] = "0xcafe",
        });

        Assert.Equal(anvilLegacy, legacy.SignWith(Sender).RawHex);
        Assert.Equal(anvilTyped, typed.SignWith(Sender).RawHex);
        Assert.Equal(Sender.Address, SignedTransaction.Decode(anvilTyped).Sender);
    }

    private async Task<string> SignOnAnvil(JsonObject transaction) =>
        (await anvil.Rpc.SendAsync("eth_signTransaction", [transaction])).GetString()!;
}
