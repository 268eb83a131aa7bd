namespace Commerce.Host.Auth;

/// <summary>Who may call what: players act as themselves, marketing users administer.</summary>
public static class Roles
{
    public const string Player = "player";
    public const string Admin = "admin";
}
