namespace Commerce.Connectors.Crm.Mapping;

/// <summary>A change event's changeType without its GAP_ prefix (a gap is flagged apart); Overflow is GAP_OVERFLOW.</summary>
public enum ChangeKind
{
    Create,
    Update,
    Delete,
    Undelete,
    Overflow,
}
