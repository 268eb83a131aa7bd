using System.Numerics;
using Commerce.Chain.Abi;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>OpenZeppelin AccessControl, ERC-721 and ERC-20 custom errors (our contracts inherit them) as Nethereum [Error] types.</summary>
public static class OpenZeppelinErrors
{
    [Error("AccessControlUnauthorizedAccount")]
    public sealed class AccessControlUnauthorizedAccount : IErrorDTO
    {
        [Parameter("address", "account", 1)]
        public string Account { get; set; } = "";

        [Parameter("bytes32", "neededRole", 2)]
        public byte[] NeededRole { get; set; } = [];
    }

    [Error("AccessControlBadConfirmation")]
    public sealed class AccessControlBadConfirmation : IErrorDTO;

    [Error("ERC721InvalidOwner")]
    public sealed class ERC721InvalidOwner : IErrorDTO
    {
        [Parameter("address", "owner", 1)]
        public string Owner { get; set; } = "";
    }

    [Error("ERC721NonexistentToken")]
    public sealed class ERC721NonexistentToken : IErrorDTO
    {
        [Parameter("uint256", "tokenId", 1)]
        public BigInteger TokenId { get; set; }
    }

    [Error("ERC721IncorrectOwner")]
    public sealed class ERC721IncorrectOwner : IErrorDTO
    {
        [Parameter("address", "sender", 1)]
        public string Sender { get; set; } = "";

        [Parameter("uint256", "tokenId", 2)]
        public BigInteger TokenId { get; set; }

        [Parameter("address", "owner", 3)]
        public string Owner { get; set; } = "";
    }

    [Error("ERC721InvalidSender")]
    public sealed class ERC721InvalidSender : IErrorDTO
    {
        [Parameter("address", "sender", 1)]
        public string Sender { get; set; } = "";
    }

    [Error("ERC721InvalidReceiver")]
    public sealed class ERC721InvalidReceiver : IErrorDTO
    {
        [Parameter("address", "receiver", 1)]
        public string Receiver { get; set; } = "";
    }

    [Error("ERC721InsufficientApproval")]
    public sealed class ERC721InsufficientApproval : IErrorDTO
    {
        [Parameter("address", "operator", 1)]
        public string Operator { get; set; } = "";

        [Parameter("uint256", "tokenId", 2)]
        public BigInteger TokenId { get; set; }
    }

    [Error("ERC721InvalidApprover")]
    public sealed class ERC721InvalidApprover : IErrorDTO
    {
        [Parameter("address", "approver", 1)]
        public string Approver { get; set; } = "";
    }

    [Error("ERC721InvalidOperator")]
    public sealed class ERC721InvalidOperator : IErrorDTO
    {
        [Parameter("address", "operator", 1)]
        public string Operator { get; set; } = "";
    }

    [Error("ERC20InsufficientBalance")]
    public sealed class ERC20InsufficientBalance : IErrorDTO
    {
        [Parameter("address", "sender", 1)]
        public string Sender { get; set; } = "";

        [Parameter("uint256", "balance", 2)]
        public BigInteger Balance { get; set; }

        [Parameter("uint256", "needed", 3)]
        public BigInteger Needed { get; set; }
    }

    [Error("ERC20InvalidSender")]
    public sealed class ERC20InvalidSender : IErrorDTO
    {
        [Parameter("address", "sender", 1)]
        public string Sender { get; set; } = "";
    }

    [Error("ERC20InvalidReceiver")]
    public sealed class ERC20InvalidReceiver : IErrorDTO
    {
        [Parameter("address", "receiver", 1)]
        public string Receiver { get; set; } = "";
    }

    [Error("ERC20InsufficientAllowance")]
    public sealed class ERC20InsufficientAllowance : IErrorDTO
    {
        [Parameter("address", "spender", 1)]
        public string Spender { get; set; } = "";

        [Parameter("uint256", "allowance", 2)]
        public BigInteger Allowance { get; set; }

        [Parameter("uint256", "needed", 3)]
        public BigInteger Needed { get; set; }
    }

    [Error("ERC20InvalidApprover")]
    public sealed class ERC20InvalidApprover : IErrorDTO
    {
        [Parameter("address", "approver", 1)]
        public string Approver { get; set; } = "";
    }

    [Error("ERC20InvalidSpender")]
    public sealed class ERC20InvalidSpender : IErrorDTO
    {
        [Parameter("address", "spender", 1)]
        public string Spender { get; set; } = "";
    }

    public static readonly CustomErrors AccessControl = new(typeof(AccessControlUnauthorizedAccount), typeof(AccessControlBadConfirmation));

    public static readonly CustomErrors Erc721 = new(
        typeof(ERC721InvalidOwner), typeof(ERC721NonexistentToken), typeof(ERC721IncorrectOwner), typeof(ERC721InvalidSender),
        typeof(ERC721InvalidReceiver), typeof(ERC721InsufficientApproval), typeof(ERC721InvalidApprover), typeof(ERC721InvalidOperator));

    public static readonly CustomErrors Erc20 = new(
        typeof(ERC20InsufficientBalance), typeof(ERC20InvalidSender), typeof(ERC20InvalidReceiver), typeof(ERC20InsufficientAllowance),
        typeof(ERC20InvalidApprover), typeof(ERC20InvalidSpender));
}
