using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Commerce.Actors.Clustering;

/// <summary>
/// How this host's silo finds the others. Bound from the "Cluster" configuration section; which membership
/// provider is used follows Store:Provider (postgres: AdoNet clustering in the store's database; sqlite: one
/// process, localhost clustering).
/// </summary>
public sealed class ClusteringOptions : IValidatableObject
{
    public const string Section = "Cluster";

    /// <summary>Silos with the same ClusterId form one cluster (their rows in the membership table are keyed by it).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Cluster:ClusterId must not be empty")]
    [StringLength(150, ErrorMessage = "Cluster:ClusterId must be at most 150 characters")]
    public string ClusterId { get; set; } = "commerce";

    /// <summary>Stays the same across deployments of the service (Orleans keys durable data by it).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Cluster:ServiceId must not be empty")]
    public string ServiceId { get; set; } = "commerce";

    /// <summary>
    /// Silo-to-silo port. 0 (the default) picks a free port at start, so several hosts on one machine (tests, a demo beside
    /// a scaled-out pair) never collide; set fixed ports where a firewall needs to know them.
    /// </summary>
    [Range(0, 65535, ErrorMessage = "Cluster:SiloPort must be a port number (0 picks a free one)")]
    public int SiloPort { get; set; }

    /// <summary>Port that Orleans clients connect to. 0 (the default) picks a free port at start.</summary>
    [Range(0, 65535, ErrorMessage = "Cluster:GatewayPort must be a port number (0 picks a free one)")]
    public int GatewayPort { get; set; }

    /// <summary>
    /// The IP address other silos reach this one at (it is written in the membership table). Unset: Orleans picks
    /// one of the machine's addresses (PostgreSQL clustering) or the loopback address (localhost clustering).
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Listen on every interface rather than only the advertised address (PostgreSQL clustering, behind NAT or in a container).</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// How long a probe of another silo may take before it counts as missed. Unset: Orleans' default (5 s).
    /// Shorter detects a dead silo sooner (1 s with the two settings below declared a killed silo dead in about 2 s).
    /// </summary>
    public TimeSpan? ProbeTimeout { get; set; }

    /// <summary>Missed probes after which a silo suspects the probed one. Unset: Orleans' default (3).</summary>
    [Range(1, 100, ErrorMessage = "Cluster:NumMissedProbesLimit must be between 1 and 100")]
    public int? NumMissedProbesLimit { get; set; }

    /// <summary>Suspicions needed to declare a silo dead. Unset: Orleans' default (2); 1 lets a two-silo cluster shed a dead member alone.</summary>
    [Range(1, 100, ErrorMessage = "Cluster:NumVotesForDeathDeclaration must be between 1 and 100")]
    public int? NumVotesForDeathDeclaration { get; set; }

    /// <summary>Most connections the membership provider keeps open to PostgreSQL (its own small pool; max_connections is shared).</summary>
    [Range(1, 100, ErrorMessage = "Cluster:MaxPoolSize must be between 1 and 100")]
    public int MaxPoolSize { get; set; } = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiloPort != 0 && SiloPort == GatewayPort)
            yield return new ValidationResult($"{Section}:GatewayPort must differ from {Section}:SiloPort ({SiloPort})", [nameof(GatewayPort)]);
        if (AdvertisedAddress is not null && !IPAddress.TryParse(AdvertisedAddress, out _))
            yield return new ValidationResult($"{Section}:AdvertisedAddress must be an IP address, not '{AdvertisedAddress}'", [nameof(AdvertisedAddress)]);
        if (ProbeTimeout is { } probe && probe <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:ProbeTimeout must be positive", [nameof(ProbeTimeout)]);
    }
}
