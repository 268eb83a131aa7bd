namespace Commerce.Host.Operators;

/// <summary>GET /api/admin/pricing/policies: every stored version (newest first), the active one, and the changes (newest first).</summary>
public sealed record PolicyVersionList(string? Active, IReadOnlyList<PolicyVersion> Versions, IReadOnlyList<PolicyChange> Changes);
