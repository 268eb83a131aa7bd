namespace Commerce.Host.Operators;

/// <summary>POST /api/admin/pricing/policies/{version}/activate: why that stored version is made active again.</summary>
public sealed record RollbackPolicyRequest(string? Why);
