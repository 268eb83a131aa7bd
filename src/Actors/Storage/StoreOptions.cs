using System.ComponentModel.DataAnnotations;

namespace Commerce.Actors.Storage;

/// <summary>Which database holds grain state. Bound from the "Store" configuration section.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>"sqlite" (default, one instance) or "postgres" (several instances share the work).</summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Store:Provider must be 'sqlite' or 'postgres'")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>For SQLite a file path (Data Source=...), for PostgreSQL an Npgsql connection string.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=.data/commerce.db";
}
