using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Commerce.Execution.Tests")]
