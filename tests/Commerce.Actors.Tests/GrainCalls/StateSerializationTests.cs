using System.Reflection;
using System.Text.Json;
using Commerce.Actors.Custody;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Orleans;

namespace Commerce.Actors.Tests.GrainCalls;

/// <summary>
/// Grain calls return grain states through Orleans' serializer: each state, lists non-empty, comes back equal (compared
/// through the state JSON the store keeps, which names every member), and every record it holds carries a stable alias.
/// </summary>
public sealed class StateSerializationTests(StateCodecs codecs) : IClassFixture<StateCodecs>
{
    private const string AliasPrefix = "commerce.state.";

    private static readonly Type[] States = [typeof(PlayerSessionState), typeof(NftItemState), typeof(OrderState), typeof(CustodyAccountState)];

    public static TheoryData<string> StateNames() => new(States.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(StateNames))]
    public void A_grain_state_with_its_lists_survives_the_Orleans_serializer(string name)
    {
        var state = StateSamples.Create(name);

        var read = codecs.Serializer.Deserialize<object>(codecs.Serializer.SerializeToArray<object>(state));

        Assert.IsType(state.GetType(), read);
        Assert.Equal(Json(state), Json(read!));
    }

    [Theory]
    [MemberData(nameof(StateNames))]
    public void A_grain_state_is_shared_not_copied_on_local_calls(string name)
    {
        var state = StateSamples.Create(name);

        Assert.Same(state, codecs.Copier.Copy(state));
    }

    [Fact]
    public void Every_state_and_every_record_it_holds_is_annotated_for_Orleans()
    {
        var problems = new List<string>();
        foreach (var type in StateTypes())
        {
            if (type.GetCustomAttribute<GenerateSerializerAttribute>() is null)
                problems.Add($"{type.Name} lacks [GenerateSerializer]");
            if (type.GetCustomAttribute<AliasAttribute>()?.Alias != AliasPrefix + type.Name)
                problems.Add($"{type.Name} lacks [Alias(\"{AliasPrefix}{type.Name}\")]");
            if (type.IsEnum)
                continue;
            if (type.GetCustomAttribute<ImmutableAttribute>() is null)
                problems.Add($"{type.Name} lacks [Immutable]");
            var ids = new HashSet<uint>();
            foreach (var parameter in PrimaryConstructor(type).GetParameters())
            {
                var id = type.GetProperty(parameter.Name!)?.GetCustomAttribute<IdAttribute>()?.Id;
                if (id is null)
                    problems.Add($"{type.Name}.{parameter.Name} lacks [property: Id(n)]");
                else if (!ids.Add(id.Value))
                    problems.Add($"{type.Name}.{parameter.Name} repeats Id({id})");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Json(object state) => JsonSerializer.Serialize(state, state.GetType(), GrainJsonContext.Default);

    /// <summary>The states and every type of this assembly reachable from their constructors (the events' records are checked with the events).</summary>
    private static IEnumerable<Type> StateTypes()
    {
        var actors = typeof(OrderState).Assembly;
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(States);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type) || type.IsEnum)
                continue;
            foreach (var parameter in PrimaryConstructor(type).GetParameters())
            {
                var parameterType = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                var element = parameterType.IsGenericType ? parameterType.GetGenericArguments()[0] : parameterType;
                if (element.Assembly == actors)
                    pending.Enqueue(element);
            }
        }
        return seen;
    }

    private static ConstructorInfo PrimaryConstructor(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
}
