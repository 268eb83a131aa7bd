using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Commerce.Actors.Tests")]
