// netstandard2.1 lacks this marker type; C# 9 records and init accessors need it.
// Internal, so it never clashes with a game's own copy or with newer runtimes.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
