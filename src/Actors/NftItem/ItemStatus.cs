namespace Commerce.Actors.NftItem;

public enum ItemStatus
{
    Available,
    Reserved,
    Sold,
    Minted,

    /// <summary>Bought on an installment plan: the Checkout holds it in escrow until the plan is paid or defaults.</summary>
    Escrowed,
}
