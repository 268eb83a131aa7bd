using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Tests.Abi;

public class EventAndRevertTests
{
    private static readonly AbiEvent Transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");

    [Fact]
    public void Event_topic0_is_the_hash_of_the_canonical_signature()
    {
        Assert.Equal("Transfer(address,address,uint256)", Transfer.Signature);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Transfer.Topic0Hex);
    }

    [Fact]
    public void A_transfer_log_decodes_indexed_and_data_parameters()
    {
        var from = EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        var to = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        string[] topics =
        [
            Transfer.Topic0Hex,
            HexString.Encode(AbiEvent.EncodeTopic(AbiType.Address, from)),
            HexString.Encode(AbiEvent.EncodeTopic(AbiType.Address, to)),
        ];
        Assert.Equal("0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266", topics[1]);
        var data = HexString.Encode(AbiEncoder.Encode([AbiType.UInt(256)], [1000]));

        var log = Transfer.Decode(topics, data);
        Assert.Equal(from, log["from"]);
        Assert.Equal(to, log["to"]);
        Assert.Equal(new BigInteger(1000), log["value"]);
    }

    [Fact]
    public void Indexed_strings_come_back_as_their_hash()
    {
        var listed = AbiEvent.Parse("event Listed(string indexed sku, uint256 indexed id, string title)");
        var topics = new[]
        {
            listed.Topic0,
            AbiEvent.EncodeTopic(AbiType.String, "SWORD-1"),
            AbiEvent.EncodeTopic(AbiType.UInt(256), 42),
        };
        var log = listed.Decode(topics, AbiEncoder.Encode([AbiType.String], ["Flame sword"]));
        Assert.Equal(Keccak256.HashUtf8("SWORD-1"), Assert.IsType<IndexedValueHash>(log["sku"]).Hash);
        Assert.Equal(new BigInteger(42), log["id"]);
        Assert.Equal("Flame sword", log["title"]);
    }

    [Fact]
    public void A_log_of_another_event_is_refused()
    {
        var approval = AbiEvent.Parse("event Approval(address indexed owner, address indexed spender, uint256 value)");
        var topics = new[] { Transfer.Topic0, new byte[32], new byte[32] };
        var error = Assert.Throws<AbiException>(() => approval.Decode(topics, new byte[32]));
        Assert.Equal("topics[0]", error.Path);
    }

    [Fact]
    public void Error_string_reverts_decode_to_their_message()
    {
        // require(false, "Not enough Ether provided.") as in the Solidity documentation.
        var data = "0x08c379a0" +
                   "0000000000000000000000000000000000000000000000000000000000000020" +
                   "000000000000000000000000000000000000000000000000000000000000001a" +
                   "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";
        var reason = RevertReason.Decode(data);
        Assert.Equal(RevertKind.Error, reason.Kind);
        Assert.Equal("Not enough Ether provided.", reason.Message);
        Assert.Equal("reverted: Not enough Ether provided.", reason.ToString());
    }

    [Fact]
    public void Panic_reverts_decode_to_their_code_and_meaning()
    {
        var reason = RevertReason.Decode("0x4e487b710000000000000000000000000000000000000000000000000000000000000011");
        Assert.Equal(RevertKind.Panic, reason.Kind);
        Assert.Equal(new BigInteger(0x11), reason.Panic);
        Assert.Equal("panic 0x11: arithmetic overflow or underflow", reason.ToString());
    }

    [Fact]
    public void Custom_errors_decode_when_their_abi_is_given()
    {
        var insufficient = AbiError.Parse("error InsufficientBalance(uint256 available, uint256 required)");
        Assert.Equal("0xcf479181", insufficient.SelectorHex);
        var data = insufficient.Encode(5, 10);
        var reason = RevertReason.Decode(data, [insufficient]);
        Assert.Equal(RevertKind.Custom, reason.Kind);
        Assert.Equal("InsufficientBalance(5, 10)", reason.ToString());
        Assert.Equal(RevertKind.Unknown, RevertReason.Decode(data).Kind);
    }

    [Fact]
    public void Empty_revert_data_means_no_reason() =>
        Assert.Equal(RevertKind.Empty, RevertReason.Decode("0x").Kind);
}
