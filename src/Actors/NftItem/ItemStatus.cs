namespace Commerce.Actors.NftItem;

public enum ItemStatus
{
    Available,
    Reserved,
    Sold,
    Minted,
}
