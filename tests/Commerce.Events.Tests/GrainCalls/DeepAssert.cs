using System.Collections;
using System.Reflection;

namespace Commerce.Events.Tests.GrainCalls;

/// <summary>Compares two object graphs member by member (lists element by element) and names the first difference.</summary>
internal static class DeepAssert
{
    public static void Equal(object? expected, object? actual, string path = "value")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }
        if (expected is IEnumerable expectedItems and not string)
        {
            // A list may come back as another IReadOnlyList implementation: only its elements count.
            Assert.True(actual is IEnumerable, $"{path}: expected a list, got a {actual.GetType()}");
            var want = expectedItems.Cast<object?>().ToList();
            var got = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(want.Count == got.Count, $"{path}: expected {want.Count} elements, got {got.Count}");
            for (var i = 0; i < want.Count; i++)
                Equal(want[i], got[i], $"{path}[{i}]");
            return;
        }
        Assert.True(expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType()}, got a {actual.GetType()}");
        if (expected is string || expected.GetType().IsValueType)
        {
            // DateTimeOffset equality ignores the offset; the exact comparison does not.
            var equal = expected is DateTimeOffset at ? at.EqualsExact((DateTimeOffset)actual) : Equals(expected, actual);
            Assert.True(equal, $"{path}: expected {expected}, got {actual}");
            return;
        }
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            Equal(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
    }
}
