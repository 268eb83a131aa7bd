using System.Reflection;

namespace Commerce.Events.Tests.GrainCalls;

/// <summary>
/// Builds a sample of a positional record from its constructor, every value distinct and none a default, so a field
/// that is lost or swapped on the way shows. Lists get two elements and are built by a collection expression, the way
/// grain code builds them. With <c>nulls</c>, every nullable parameter is null instead.
/// </summary>
internal sealed class SampleValues(bool nulls)
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly MethodInfo ListOfMethod = typeof(SampleValues).GetMethod(nameof(ListOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly NullabilityInfoContext _nullability = new();
    private int _seq;

    public object Create(Type type) => Create(type, type.Name, nullable: false)!;

    private object? Create(Type type, string path, bool nullable)
    {
        var seq = ++_seq;
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return nulls ? null : Create(inner, path, nullable: false);
        if (nullable && nulls)
            return null;
        if (type == typeof(string))
            return $"{path}#{seq}";
        if (type == typeof(bool))
            return true;
        if (type == typeof(int))
            return seq;
        if (type == typeof(long))
            return 10_000_000_000L + seq;
        if (type == typeof(ulong))
            return ulong.MaxValue - (ulong)seq;
        if (type == typeof(double))
            return seq + 0.5;
        if (type == typeof(decimal))
            return seq + 0.0525m;
        if (type == typeof(DateTimeOffset))
            return Epoch.AddMinutes(seq);
        if (type == typeof(TimeSpan))
            return TimeSpan.FromMinutes(seq);
        if (type == typeof(Guid))
            return new Guid(seq, 7, 0, [1, 2, 3, 4, 5, 6, 7, 8]);
        if (type.IsEnum)
            return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            return ListOfMethod.MakeGenericMethod(element).Invoke(null, [Create(element, $"{path}[0]", false), Create(element, $"{path}[1]", false)]);
        }
        if (type.IsClass && type.Namespace?.StartsWith("Commerce.", StringComparison.Ordinal) == true)
            return FromConstructor(type, path);
        throw new NotSupportedException($"{nameof(SampleValues)} has no sample for {type} (at {path}): add one");
    }

    private object FromConstructor(Type type, string path)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => Create(p.ParameterType, $"{path}.{p.Name}", _nullability.Create(p).WriteState == NullabilityState.Nullable))
            .ToArray();
        return constructor.Invoke(arguments);
    }

    private static IReadOnlyList<T> ListOf<T>(T first, T second) => [first, second];
}
