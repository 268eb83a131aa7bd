namespace Commerce.Execution.Cli;

/// <summary>Bad command-line input; the message names the option at fault.</summary>
public sealed class CliException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
