namespace Commerce.Host.Auth;

/// <summary>
/// Who may call what (docs/SECURITY.md): players act as themselves; marketing lists items; operators read state, run the
/// dashboard and revoke tokens; admin may do both. The policies of the same names say which roles pass.
/// </summary>
public static class Roles
{
    public const string Player = "player";
    public const string Marketing = "marketing";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>The staff roles a token may be issued for (commerce admin-token --role).</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Marketing, Operator];
}
