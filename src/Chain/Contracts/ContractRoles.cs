using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>The AccessControl role ids of our contracts: keccak256 of the role's name, and 32 zero bytes for the admin role.</summary>
public static class ContractRoles
{
    /// <summary>Grants and revokes every other role (GameItem, Checkout).</summary>
    public static byte[] DefaultAdmin => new byte[32];

    /// <summary>GameItem: may mint (the Checkout and the airdrop service hold it).</summary>
    public static byte[] Minter => Keccak256.HashUtf8("MINTER_ROLE");

    /// <summary>Checkout: compensation refunds, releasing held items.</summary>
    public static byte[] Operator => Keccak256.HashUtf8("OPERATOR_ROLE");

    /// <summary>Checkout: withdraws revenue.</summary>
    public static byte[] Treasurer => Keccak256.HashUtf8("TREASURER_ROLE");
}
