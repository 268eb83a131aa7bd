using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Commerce.Actors.Tests")]
[assembly: InternalsVisibleTo("Commerce.Benchmarks")]
