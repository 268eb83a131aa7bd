using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Transactions;

namespace Commerce.Chain.Tests.Transactions;

public class LegacyTransactionTests
{
    private static readonly EthPrivateKey Key = EthPrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

    /// <summary>The example of EIP-155.</summary>
    private static readonly LegacyTransaction Eip155Example = new()
    {
        ChainId = 1,
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21000,
        To = EthAddress.Parse("0x3535353535353535353535353535353535353535"),
        Value = BigInteger.Pow(10, 18),
    };

    [Fact]
    public void Decoding_the_eip155_example_recovers_its_fields_and_sender()
    {
        var decoded = SignedTransaction.Decode("0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
        var transaction = Assert.IsType<LegacyTransaction>(decoded.Transaction);
        Assert.Equal(Eip155Example with { Data = transaction.Data }, transaction);
        Assert.Empty(transaction.Data);
        Assert.Equal(Key.Address, decoded.Sender);
        Assert.Equal("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", decoded.Sender.ToString());
    }

    [Fact]
    public void Without_a_chain_id_the_signature_uses_v_27_or_28_and_six_fields()
    {
        var transaction = Eip155Example with { ChainId = null };
        Assert.Equal("0xe9098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080",
            HexString.Encode(transaction.EncodeForSigning()));
        var signed = transaction.SignWith(Key);
        var decoded = SignedTransaction.Decode(signed.Raw);
        Assert.Null(decoded.Transaction.ChainId);
        Assert.Contains(signed.Raw[^67], new byte[] { 27, 28 });
        Assert.Equal(Key.Address, decoded.Sender);
    }

    [Fact]
    public void A_contract_creation_has_no_recipient_and_round_trips()
    {
        var creation = new LegacyTransaction { ChainId = 31337, Nonce = 0, GasPrice = 1, GasLimit = 100_000, Data = [0x60, 0x00] };
        var decoded = SignedTransaction.Decode(creation.SignWith(Key).RawHex);
        Assert.Null(decoded.Transaction.To);
        Assert.Equal(new byte[] { 0x60, 0x00 }, decoded.Transaction.Data);
        Assert.Equal(31337ul, decoded.Transaction.ChainId);
        Assert.Equal(Key.Address, decoded.Sender);
    }

    [Fact]
    public void A_negative_value_is_refused_with_the_field_named()
    {
        var error = Assert.Throws<TransactionFormatException>(() => (Eip155Example with { Value = -1 }).EncodeForSigning());
        Assert.Equal("value", error.Field);
    }

    [Theory]
    [InlineData("0xc0", "9 fields")]
    [InlineData("0x03c0", "type 0x03 is not supported")]
    [InlineData("0xf86c0985", "rawTransaction")]
    public void Malformed_raw_transactions_are_refused(string raw, string expectedFragment)
    {
        var error = Assert.Throws<TransactionFormatException>(() => SignedTransaction.Decode(raw));
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void A_high_s_signature_is_refused_as_eip2_requires()
    {
        var signed = Eip155Example.SignWith(Key);
        var twin = EthSignature.FromRsv(signed.Signature.RValue, EthSignature.CurveOrder - signed.Signature.SValue, 1 - signed.Signature.YParity);
        var malleated = Eip155Example.EncodeSigned(twin);
        var error = Assert.Throws<TransactionFormatException>(() => SignedTransaction.Decode(malleated));
        Assert.Equal("s", error.Field);
    }

    [Theory]
    [InlineData(0ul, "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d")]
    [InlineData(1ul, "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8")]
    [InlineData(2ul, "0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91")]
    [InlineData(3ul, "0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19c")]
    public void Contract_addresses_follow_from_sender_and_nonce(ulong nonce, string expected) =>
        Assert.Equal(expected, ContractAddress.FromSenderAndNonce(EthAddress.Parse("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0"), nonce).ToLowerHex());
}
