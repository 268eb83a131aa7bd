using System.ComponentModel.DataAnnotations;

namespace Commerce.Connectors.Ingestion;

/// <summary>The data-annotation checks of a connector's <see cref="IngestionOptions"/>, named under its section.</summary>
public static class IngestionOptionsCheck
{
    public static IEnumerable<string> Failures(string section, IngestionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
            yield return $"{section}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}";
        if (options.MaxBackoff < options.MinBackoff)
            yield return $"{section}:MaxBackoff: must be at least MinBackoff";
    }
}
