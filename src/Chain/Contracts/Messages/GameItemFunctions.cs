using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The functions of contracts/src/GameItem.sol (ERC-721 with a minter role) as Nethereum messages.</summary>
public static class GameItemFunctions
{
    [Function("mint")]
    public sealed class Mint : FunctionMessage
    {
        [Parameter("address", "to", 1)]
        public string To { get; set; } = "";

        [Parameter("uint256", "tokenId", 2)]
        public BigInteger TokenId { get; set; }

        [Parameter("string", "uri", 3)]
        public string Uri { get; set; } = "";
    }

    [Function("mintBatch")]
    public sealed class MintBatch : FunctionMessage
    {
        [Parameter("address[]", "recipients", 1)]
        public List<string> Recipients { get; set; } = [];

        [Parameter("uint256[]", "tokenIds", 2)]
        public List<BigInteger> TokenIds { get; set; } = [];

        [Parameter("string[]", "uris", 3)]
        public List<string> Uris { get; set; } = [];
    }

    [Function("safeTransferFrom")]
    public sealed class SafeTransferFrom : FunctionMessage
    {
        [Parameter("address", "from", 1)]
        public string From { get; set; } = "";

        [Parameter("address", "to", 2)]
        public string To { get; set; } = "";

        [Parameter("uint256", "tokenId", 3)]
        public BigInteger TokenId { get; set; }
    }

    [Function("safeTransferFrom")]
    public sealed class SafeTransferFromWithData : FunctionMessage
    {
        [Parameter("address", "from", 1)]
        public string From { get; set; } = "";

        [Parameter("address", "to", 2)]
        public string To { get; set; } = "";

        [Parameter("uint256", "tokenId", 3)]
        public BigInteger TokenId { get; set; }

        [Parameter("bytes", "data", 4)]
        public byte[] Data { get; set; } = [];
    }

    [Function("transferFrom")]
    public sealed class TransferFrom : FunctionMessage
    {
        [Parameter("address", "from", 1)]
        public string From { get; set; } = "";

        [Parameter("address", "to", 2)]
        public string To { get; set; } = "";

        [Parameter("uint256", "tokenId", 3)]
        public BigInteger TokenId { get; set; }
    }

    [Function("approve")]
    public sealed class Approve : FunctionMessage
    {
        [Parameter("address", "to", 1)]
        public string To { get; set; } = "";

        [Parameter("uint256", "tokenId", 2)]
        public BigInteger TokenId { get; set; }
    }

    [Function("setApprovalForAll")]
    public sealed class SetApprovalForAll : FunctionMessage
    {
        [Parameter("address", "operator", 1)]
        public string Operator { get; set; } = "";

        [Parameter("bool", "approved", 2)]
        public bool Approved { get; set; }
    }

    [Function("setBaseURI")]
    public sealed class SetBaseUri : FunctionMessage
    {
        [Parameter("string", "baseURI_", 1)]
        public string BaseURI { get; set; } = "";
    }

    [Function("ownerOf", "address")]
    public sealed class OwnerOf : FunctionMessage
    {
        [Parameter("uint256", "tokenId", 1)]
        public BigInteger TokenId { get; set; }
    }

    [Function("balanceOf", "uint256")]
    public sealed class BalanceOf : FunctionMessage
    {
        [Parameter("address", "owner", 1)]
        public string Owner { get; set; } = "";
    }

    [Function("tokenURI", "string")]
    public sealed class TokenUri : FunctionMessage
    {
        [Parameter("uint256", "tokenId", 1)]
        public BigInteger TokenId { get; set; }
    }

    [Function("exists", "bool")]
    public sealed class Exists : FunctionMessage
    {
        [Parameter("uint256", "tokenId", 1)]
        public BigInteger TokenId { get; set; }
    }

    [Function("getApproved", "address")]
    public sealed class GetApproved : FunctionMessage
    {
        [Parameter("uint256", "tokenId", 1)]
        public BigInteger TokenId { get; set; }
    }

    [Function("isApprovedForAll", "bool")]
    public sealed class IsApprovedForAll : FunctionMessage
    {
        [Parameter("address", "owner", 1)]
        public string Owner { get; set; } = "";

        [Parameter("address", "operator", 2)]
        public string Operator { get; set; } = "";
    }

    [Function("name", "string")]
    public sealed class Name : FunctionMessage;

    [Function("symbol", "string")]
    public sealed class Symbol : FunctionMessage;

    [Function("MINTER_ROLE", "bytes32")]
    public sealed class MinterRole : FunctionMessage;

    [Function("DEFAULT_ADMIN_ROLE", "bytes32")]
    public sealed class DefaultAdminRole : FunctionMessage;
}
