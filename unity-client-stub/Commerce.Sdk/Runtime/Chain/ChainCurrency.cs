namespace Commerce.Sdk
{
    /// <summary>A currency orders can be paid in: its token contract (the zero address for ETH) and its decimals.</summary>
    public sealed class ChainCurrency
    {
        public ChainCurrency(string code, string token, int decimals)
        {
            Code = code;
            Token = token;
            Decimals = decimals;
        }

        /// <summary>"ETH", "USDC".</summary>
        public string Code { get; }

        public string Token { get; }

        public int Decimals { get; }
    }
}
