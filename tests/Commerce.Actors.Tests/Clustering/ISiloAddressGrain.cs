namespace Commerce.Actors.Tests.Clustering;

/// <summary>A test grain that says which silo it lives on.</summary>
public interface ISiloAddressGrain : IGrainWithStringKey
{
    /// <summary>The hosting silo's address (SiloAddress.ToParsableString).</summary>
    Task<string> WhereAsync();
}
