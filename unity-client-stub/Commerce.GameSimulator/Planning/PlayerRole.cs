namespace Commerce.GameSimulator.Planning;

/// <summary>What a simulated player does after showing interest.</summary>
public enum PlayerRole
{
    /// <summary>Looks and receives offers, buys nothing.</summary>
    Browser,

    /// <summary>Buys its target item when it is offered.</summary>
    Buyer,

    /// <summary>Races another player for the same unique item: both order at once, one wins.</summary>
    Racer,
}
