using System;

namespace Commerce.Sdk
{
    /// <summary>
    /// A signed-in player: the bearer token every later call carries, the player id (the wallet
    /// address in lowercase hex) and when the token expires (null if the server did not say).
    /// A game may store it and hand it back with <see cref="CommerceClient.UseSession"/>.
    /// </summary>
    public sealed record CommerceSession(string Token, string PlayerId, DateTimeOffset? ExpiresAt);
}
