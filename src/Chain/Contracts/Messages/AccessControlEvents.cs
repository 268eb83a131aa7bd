using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>OpenZeppelin AccessControl events (GameItem, Checkout) as Nethereum [Event] types.</summary>
public static class AccessControlEvents
{
    [Event("RoleGranted")]
    public sealed class RoleGranted : IEventDTO
    {
        [Parameter("bytes32", "role", 1, true)]
        public byte[] Role { get; set; } = [];

        [Parameter("address", "account", 2, true)]
        public string Account { get; set; } = "";

        [Parameter("address", "sender", 3, true)]
        public string Sender { get; set; } = "";
    }

    [Event("RoleRevoked")]
    public sealed class RoleRevoked : IEventDTO
    {
        [Parameter("bytes32", "role", 1, true)]
        public byte[] Role { get; set; } = [];

        [Parameter("address", "account", 2, true)]
        public string Account { get; set; } = "";

        [Parameter("address", "sender", 3, true)]
        public string Sender { get; set; } = "";
    }

    [Event("RoleAdminChanged")]
    public sealed class RoleAdminChanged : IEventDTO
    {
        [Parameter("bytes32", "role", 1, true)]
        public byte[] Role { get; set; } = [];

        [Parameter("bytes32", "previousAdminRole", 2, true)]
        public byte[] PreviousAdminRole { get; set; } = [];

        [Parameter("bytes32", "newAdminRole", 3, true)]
        public byte[] NewAdminRole { get; set; } = [];
    }

    /// <summary>Every event the contract emits.</summary>
    public static readonly IReadOnlyList<Type> All = [typeof(RoleGranted), typeof(RoleRevoked), typeof(RoleAdminChanged)];
}
