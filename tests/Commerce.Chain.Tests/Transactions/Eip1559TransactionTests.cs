using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Transactions;

namespace Commerce.Chain.Tests.Transactions;

public class Eip1559TransactionTests
{
    private static readonly EthPrivateKey Key = EthPrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static readonly Eip1559Transaction Transfer = new()
    {
        ChainId = 31337,
        Nonce = 7,
        MaxPriorityFeePerGas = 1_000_000_000,
        MaxFeePerGas = 30_000_000_000,
        GasLimit = 50_000,
        To = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        Value = BigInteger.Parse("1500000000000000000"),
        Data = [0xde, 0xad, 0xbe, 0xef],
        AccessList =
        [
            new AccessListEntry(EthAddress.Parse("0x3535353535353535353535353535353535353535"),
                [new byte[32], Enumerable.Repeat((byte)1, 32).ToArray()]),
            new AccessListEntry(EthAddress.Parse("0x4242424242424242424242424242424242424242"), []),
        ],
    };

    [Fact]
    public void The_signing_payload_is_the_type_byte_and_the_rlp_of_nine_fields()
    {
        var payload = Transfer.EncodeForSigning();
        Assert.Equal(0x02, payload[0]);
        var fields = Chain.Rlp.RlpDecoder.Decode(payload.AsSpan(1)).Items;
        Assert.Equal(9, fields.Count);
        Assert.Equal(31337ul, fields[0].ToUInt64());
        Assert.Equal(2, fields[8].Items.Count);
        Assert.Equal(Keccak256.Hash(payload), Transfer.SigningHash());
    }

    [Fact]
    public void A_signed_transaction_decodes_to_the_same_fields_and_sender()
    {
        var signed = Transfer.SignWith(Key);
        Assert.StartsWith("0x02", signed.RawHex);
        var decoded = SignedTransaction.Decode(signed.RawHex);
        var transaction = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal(Transfer.ChainId, transaction.ChainId);
        Assert.Equal(Transfer.Nonce, transaction.Nonce);
        Assert.Equal(Transfer.MaxPriorityFeePerGas, transaction.MaxPriorityFeePerGas);
        Assert.Equal(Transfer.MaxFeePerGas, transaction.MaxFeePerGas);
        Assert.Equal(Transfer.GasLimit, transaction.GasLimit);
        Assert.Equal(Transfer.To, transaction.To);
        Assert.Equal(Transfer.Value, transaction.Value);
        Assert.Equal(Transfer.Data, transaction.Data);
        Assert.Equal(Transfer.AccessList.Count, transaction.AccessList.Count);
        Assert.Equal(Transfer.AccessList[0].StorageKeys[1], transaction.AccessList[0].StorageKeys[1]);
        Assert.Equal(Key.Address, decoded.Sender);
        Assert.Equal(signed.Hash, decoded.Hash);
        Assert.Equal(signed.RawHex, transaction.EncodeSigned(decoded.Signature) is var raw ? HexString.Encode(raw) : null);
    }

    [Fact]
    public void A_priority_fee_above_the_max_fee_is_refused()
    {
        var error = Assert.Throws<TransactionFormatException>(() => (Transfer with { MaxPriorityFeePerGas = 40_000_000_000 }).EncodeForSigning());
        Assert.Equal("maxPriorityFeePerGas", error.Field);
    }

    [Fact]
    public void A_storage_key_of_the_wrong_size_is_refused_with_its_position()
    {
        var bad = Transfer with { AccessList = [new AccessListEntry(EthAddress.Zero, [new byte[31]])] };
        var error = Assert.Throws<TransactionFormatException>(() => bad.EncodeForSigning());
        Assert.Equal("accessList.storageKeys[0]", error.Field);
    }

    [Fact]
    public void A_y_parity_other_than_0_or_1_is_refused()
    {
        var raw = (Transfer with { AccessList = [] }).SignWith(Key).Raw;
        var items = Chain.Rlp.RlpDecoder.Decode(raw.AsSpan(1)).Items;
        var fields = items.Select((f, i) => i switch
        {
            8 => Nethereum.RLP.RLP.EncodeList(), // the empty access list
            9 => Nethereum.RLP.RLP.EncodeElement([2]),
            _ => Nethereum.RLP.RLP.EncodeElement(f.ToBytes()),
        }).ToArray();
        var tampered = new byte[] { 0x02 }.Concat(Nethereum.RLP.RLP.EncodeList(fields)).ToArray();
        var error = Assert.Throws<TransactionFormatException>(() => SignedTransaction.Decode(tampered));
        Assert.Equal("yParity", error.Field);
    }
}
