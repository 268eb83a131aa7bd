using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Tests.Abi;

/// <summary>Logs decode into Nethereum [Event] types and reverts into <see cref="RevertReason"/>, strictly.</summary>
public class EventAndRevertTests
{
    private const string From = "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private const string To = "0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8";
    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    [Fact]
    public void Event_topic0_is_the_hash_of_the_canonical_signature()
    {
        Assert.Equal(TransferTopic, TypedEvent<TestStablecoinEvents.Transfer>.Topic0Hex);
        Assert.Equal(TransferTopic, TypedEvent<GameItemEvents.Transfer>.Topic0Hex);
        Assert.Equal(Keccak256.HashUtf8("Purchased(bytes32,address,address,uint256,address,uint256,uint16,uint256,uint64)"),
            TypedEvent<CheckoutEvents.Purchased>.Topic0);
    }

    [Fact]
    public void A_transfer_log_decodes_indexed_and_data_parameters()
    {
        var data = HexString.Decode("0x00000000000000000000000000000000000000000000000000000000000f4240");

        var transfer = TypedEvent<TestStablecoinEvents.Transfer>.Decode([TransferTopic, From, To], data);

        Assert.Equal(EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), EthAddress.Parse(transfer.From));
        Assert.Equal(EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), EthAddress.Parse(transfer.To));
        Assert.Equal(new BigInteger(1_000_000), transfer.Value);
    }

    [Fact]
    public void A_log_with_the_wrong_number_of_topics_is_refused()
    {
        var data = HexString.Decode("0x00000000000000000000000000000000000000000000000000000000000f4240");

        // ERC-20 and ERC-721 Transfer share topic 0; the token id is a fourth topic on ERC-721.
        var error = Assert.Throws<AbiException>(() => TypedEvent<GameItemEvents.Transfer>.Decode([TransferTopic, From, To], data));

        Assert.Equal("topics", error.Path);
    }

    [Fact]
    public void A_log_of_another_event_is_refused()
    {
        var approval = "0x" + Convert.ToHexStringLower(Keccak256.HashUtf8("Approval(address,address,uint256)"));

        var error = Assert.Throws<AbiException>(() => TypedEvent<TestStablecoinEvents.Transfer>.Decode([approval, From, To], new byte[32]));

        Assert.Equal("topics[0]", error.Path);
    }

    [Fact]
    public void An_indexed_address_with_dirty_high_bytes_is_refused()
    {
        var dirty = "0xff" + From[4..];

        var error = Assert.Throws<AbiException>(() => TypedEvent<TestStablecoinEvents.Transfer>.Decode([TransferTopic, dirty, To], new byte[32]));

        Assert.Equal("topics[1]", error.Path);
    }

    [Fact]
    public void Error_string_reverts_decode_to_their_message()
    {
        // Error("Not enough Ether provided."), the example of the Solidity documentation.
        var data = "0x08c379a0" +
            "0000000000000000000000000000000000000000000000000000000000000020" +
            "000000000000000000000000000000000000000000000000000000000000001a" +
            "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";

        var reason = RevertReason.Decode(data);

        Assert.Equal(RevertKind.Error, reason.Kind);
        Assert.Equal("Not enough Ether provided.", reason.Message);
    }

    [Fact]
    public void Panic_reverts_decode_to_their_code_and_meaning()
    {
        var reason = RevertReason.Decode("0x4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011");

        Assert.Equal(RevertKind.Panic, reason.Kind);
        Assert.Equal(new BigInteger(0x11), reason.Panic);
        Assert.Contains("overflow", reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_errors_decode_when_their_type_is_given()
    {
        var data = "0x" + Convert.ToHexStringLower(Keccak256.HashUtf8("WrongAmount(uint256,uint256)").AsSpan(0, 4)) +
            "0000000000000000000000000000000000000000000000000000000000000064" +
            "0000000000000000000000000000000000000000000000000000000000000063";

        var reason = RevertReason.Decode(data, CheckoutErrors.All);

        Assert.Equal(RevertKind.Custom, reason.Kind);
        Assert.Equal("WrongAmount", reason.ErrorName);
        Assert.Equal([new BigInteger(100), new BigInteger(99)], reason.Arguments);
        Assert.Equal(new BigInteger(99), Assert.IsType<CheckoutErrors.WrongAmount>(reason.Error).Sent);
        Assert.Equal(RevertKind.Unknown, RevertReason.Decode(data).Kind);
    }

    [Fact]
    public void A_custom_error_with_a_dirty_address_argument_is_unknown_data()
    {
        var data = "0x" + Convert.ToHexStringLower(Keccak256.HashUtf8("InvalidQuoteSignature(address)").AsSpan(0, 4)) +
            "ff000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8";

        Assert.Equal(RevertKind.Unknown, RevertReason.Decode(data, CheckoutErrors.All).Kind);
    }

    [Fact]
    public void Empty_revert_data_means_no_reason() =>
        Assert.Equal(RevertKind.Empty, RevertReason.Decode("0x").Kind);
}
