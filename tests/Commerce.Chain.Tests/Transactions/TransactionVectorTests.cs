using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Transactions;
using Nethereum.Model;
using LegacyTransaction = Commerce.Chain.Transactions.LegacyTransaction;
using SignedTransaction = Commerce.Chain.Transactions.SignedTransaction;

namespace Commerce.Chain.Tests.Transactions;

/// <summary>
/// Known answers, byte for byte: the signing hash Nethereum computes, the signature our libsecp256k1 signer
/// gives through Nethereum's external-signer interface, the raw transaction Nethereum encodes, and our strict
/// decoder reading it back. The EIP-155 example is the EIP's own; the others were recorded from Anvil 1.7.1's
/// eth_signTransaction (an independent signer) for its dev account 0.
/// </summary>
public class TransactionVectorTests
{
    private const string Eip155Key = "0x4646464646464646464646464646464646464646464646464646464646464646";
    private const string AnvilKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static readonly EthAddress AnvilAccount1 = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    public static TheoryData<string, ITransaction, string, string?, string> Vectors => new()
    {
        {
            "EIP-155 example: nonce 9, 20 gwei, 21000 gas, 1 ether to 0x3535..., chain 1",
            new LegacyTransaction
            {
                ChainId = 1, Nonce = 9, GasPrice = 20_000_000_000, GasLimit = 21_000,
                To = EthAddress.Parse("0x3535353535353535353535353535353535353535"), Value = BigInteger.Pow(10, 18),
            },
            Eip155Key,
            "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53",
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
        },
        {
            "EIP-155 legacy transfer on chain 31337 (v needs two bytes)",
            new LegacyTransaction { ChainId = 31337, Nonce = 0, GasPrice = 1_000_000_000, GasLimit = 21_000, To = AnvilAccount1, Value = 1 },
            AnvilKey,
            null,
            "0xf86580843b9aca008252089470997970c51812dc3a010c7d01b50e0d17dc79c8018082f4f5a01975752eb4e386649e8ec4e67436bbad151fc60ea6ff87f6c9aab29038872e77a05108c04138280c6fdd5c7d54347219b4fb66ae2ff3f4467422872d0547d19b51"
        },
        {
            "EIP-1559 transfer on chain 31337",
            new Eip1559Transaction { ChainId = 31337, Nonce = 0, MaxPriorityFeePerGas = 1, MaxFeePerGas = 1_000_000_000, GasLimit = 21_000, To = AnvilAccount1, Value = 1 },
            AnvilKey,
            null,
            "0x02f868827a698001843b9aca008252089470997970c51812dc3a010c7d01b50e0d17dc79c80180c080a09a383148f3856d41c63a9f5f1aa23ecdb6bbfbbeb5cd0721ce040291d890df62a01e03ff1466ba6e09588cddddd8d21cd72db773ab8a490216c55a42a10b1e302e"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Signing_gives_the_known_raw_transaction(string name, ITransaction transaction, string key, string? signingHash, string raw)
    {
        var signed = transaction.SignWith(EthPrivateKey.FromHex(key));

        if (signingHash is not null)
            Assert.True(signingHash == HexString.Encode(transaction.SigningHash()), name);
        Assert.True(raw == signed.RawHex, name);
        Assert.Equal(HexString.Encode(Keccak256.Hash(HexString.Decode(raw))), signed.Hash);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decoding_the_known_raw_transaction_gives_back_its_fields_and_signer(string name, ITransaction transaction, string key, string? signingHash, string raw)
    {
        _ = signingHash;
        var decoded = SignedTransaction.Decode(raw);

        Assert.True(transaction.ToNethereum().GetRLPEncodedRaw().SequenceEqual(decoded.Transaction.EncodeForSigning()), name);
        Assert.Equal(EthPrivateKey.FromHex(key).Address, decoded.Sender);
        Assert.Equal(raw, HexString.Encode(decoded.Transaction.EncodeSigned(decoded.Signature)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Nethereum_signing_through_our_external_signer_gives_the_known_raw_transaction(string name, ITransaction transaction, string key, string? signingHash, string raw)
    {
        _ = signingHash;
        var signer = new Secp256k1ExternalSigner(EthPrivateKey.FromHex(key));
        var model = transaction.ToNethereum();

        switch (model)
        {
            case LegacyTransactionChainId legacy:
                await signer.SignAsync(legacy);
                break;
            case Transaction1559 typed:
                await signer.SignAsync(typed);
                break;
            default:
                throw new InvalidOperationException($"{name}: unexpected model {model.GetType().Name}");
        }

        Assert.True(raw == HexString.Encode(model.GetRLPEncoded()), name);
        Assert.True(signer.CalculatesV && signer.Supported1559);
        Assert.Equal(EthPrivateKey.FromHex(key).Address.ToString(), await signer.GetAddressAsync());
    }

    [Fact]
    public async Task A_hash_signed_through_the_external_signer_is_our_signature_with_v_27_or_28()
    {
        var key = EthPrivateKey.FromHex(Eip155Key);
        var hash = Keccak256.HashUtf8("external signer");

        var signature = await new Secp256k1ExternalSigner(key).SignAsync(hash);

        Assert.Equal(key.Sign(hash).ToHex(), HexString.Encode([.. signature.R.PadLeft(32), .. signature.S.PadLeft(32), .. signature.V]));
    }
}

/// <summary>Nethereum hands r and s without leading zeros.</summary>
internal static class ByteArrayPadding
{
    public static byte[] PadLeft(this byte[] value, int length) => value.Length >= length ? value : [.. new byte[length - value.Length], .. value];
}
