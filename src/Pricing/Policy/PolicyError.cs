namespace Commerce.Pricing.Policy;

/// <summary>One thing wrong with a policy: <see cref="Path"/> names the field (e.g. <c>collections.dragons.floor</c>).</summary>
public sealed record PolicyError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
