namespace Commerce.Host.RateLimits;

/// <summary>Endpoint metadata: which group of <see cref="RateLimitOptions"/> a request counts against.</summary>
public sealed record RateLimitGroup(string Name)
{
    public const string SignIn = "sign-in";
    public const string Interests = "interests";
    public const string Orders = "orders";
    public const string Pushes = "pushes";
    public const string Nfts = "nfts";
    public const string Chat = "chat";

    public const string Bids = "bids";
}
