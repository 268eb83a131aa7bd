namespace Commerce.Sdk
{
    /// <summary>The intents the chatbot names in <see cref="ChatAnswer.Intent"/>.</summary>
    public static class ChatIntents
    {
        public const string AskPrice = "ask_price";
        public const string AskRarity = "ask_rarity";
        public const string Compare = "compare";
        public const string Negotiate = "negotiate";
        public const string Buy = "buy";
        public const string Hesitate = "hesitate";
        public const string Smalltalk = "smalltalk";
        public const string None = "none";
    }
}
