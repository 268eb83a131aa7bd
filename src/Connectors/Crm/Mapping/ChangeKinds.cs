namespace Commerce.Connectors.Crm.Mapping;

/// <summary>Parses changeType: CREATE, UPDATE, DELETE, UNDELETE, their GAP_ variants, GAP_OVERFLOW.</summary>
public static class ChangeKinds
{
    public const string GapPrefix = "GAP_";

    public static bool TryParse(string changeType, out ChangeKind kind, out bool gap)
    {
        gap = changeType.StartsWith(GapPrefix, StringComparison.Ordinal);
        var name = gap ? changeType[GapPrefix.Length..] : changeType;
        kind = default;
        switch (name)
        {
            case "CREATE": kind = ChangeKind.Create; return true;
            case "UPDATE": kind = ChangeKind.Update; return true;
            case "DELETE": kind = ChangeKind.Delete; return true;
            case "UNDELETE": kind = ChangeKind.Undelete; return true;
            case "OVERFLOW" when gap: kind = ChangeKind.Overflow; return true;
            default: return false;
        }
    }
}
