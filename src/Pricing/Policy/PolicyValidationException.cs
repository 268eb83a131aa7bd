namespace Commerce.Pricing.Policy;

/// <summary>A policy was rejected; <see cref="Errors"/> lists every field at fault.</summary>
public sealed class PolicyValidationException(IReadOnlyList<PolicyError> errors)
    : Exception("Invalid pricing policy: " + string.Join("; ", errors))
{
    public IReadOnlyList<PolicyError> Errors { get; } = errors;
}
