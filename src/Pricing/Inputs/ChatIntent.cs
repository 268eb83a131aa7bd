namespace Commerce.Pricing.Inputs;

/// <summary>What the chatbot understood the player wants.</summary>
public enum ChatIntent
{
    None = 0,
    AskPrice = 1,
    Compare = 2,
    Hesitate = 3,
    Negotiate = 4,
    ReadyToBuy = 5,
}
