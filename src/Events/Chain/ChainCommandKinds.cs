namespace Commerce.Events.Chain;

/// <summary>The command kinds the platform's own components ask the executor for (<see cref="ChainCommandRequested.Kind"/>).</summary>
public static class ChainCommandKinds
{
    /// <summary>GameItem.mint of a custodial order's item, by the order grains.</summary>
    public const string Mint = "mint";

    /// <summary>Checkout.releaseItem of an item the Checkout holds, by the order grains.</summary>
    public const string Release = "release";

    /// <summary>Checkout.declareDefault of a plan past its deadline, by the order grains.</summary>
    public const string DeclareDefault = "declare-default";

    /// <summary>Checkout.refund of a completed purchase an operator refunds (compensation), by the order grains.</summary>
    public const string Refund = "refund";

    /// <summary>GameItem.mintBatch of a marketing campaign's airdrop, by the campaign grains.</summary>
    public const string AirdropMint = "airdrop-mint";

    /// <summary>A plain ETH transfer of a custodial balance to its player's wallet, by the custody account grains.</summary>
    public const string Withdraw = "withdraw";

    /// <summary>The requester name of the custody account grains.</summary>
    public const string CustodyRequester = "custody";

    /// <summary>The requester name of the order grains.</summary>
    public const string OrdersRequester = "orders";

    /// <summary>The requester name of the campaign grains.</summary>
    public const string MarketingRequester = "marketing";
}
