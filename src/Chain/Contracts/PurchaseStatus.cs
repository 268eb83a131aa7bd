namespace Commerce.Chain.Contracts;

/// <summary>The Checkout's purchase states (Solidity enum Checkout.Status, same order).</summary>
public enum PurchaseStatus
{
    /// <summary>No purchase with this id (the quote nonce is unused).</summary>
    None = 0,

    /// <summary>An installment plan with payments still due; the item is in escrow.</summary>
    Active = 1,

    /// <summary>Paid in full and delivered.</summary>
    Completed = 2,

    /// <summary>A plan that missed a deadline: item reclaimed, buyer refunded less the penalty.</summary>
    Defaulted = 3,

    /// <summary>A completed purchase refunded by an operator (compensation).</summary>
    Refunded = 4,
}
