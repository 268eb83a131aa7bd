namespace Commerce.Actors.NftItem;

public enum ItemStatus
{
    Available,
    Reserved,
    Sold,
    Minted,

    /// <summary>Paid for by one order, settlement under way (an installment plan, a custodial mint): held with no expiry until sold or released.</summary>
    Settling,
}
