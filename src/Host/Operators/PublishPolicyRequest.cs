using System.Text.Json;

namespace Commerce.Host.Operators;

/// <summary>POST /api/admin/pricing/policies: the new policy (its <c>version</c> must be new) and why it is published.</summary>
public sealed record PublishPolicyRequest(JsonElement? Policy, string? Why);
