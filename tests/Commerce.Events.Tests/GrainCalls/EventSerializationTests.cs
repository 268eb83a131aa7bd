using System.Reflection;
using System.Text;
using Commerce.Events.Envelope;
using Orleans;

namespace Commerce.Events.Tests.GrainCalls;

/// <summary>
/// Grain calls carry envelopes and events through Orleans' serializer: every event type, found by reflection, must
/// survive it inside an envelope (the payload is typed <see cref="IEvent"/>), under its stable alias.
/// </summary>
public sealed class EventSerializationTests(OrleansCodecs codecs) : IClassFixture<OrleansCodecs>
{
    private const string AliasPrefix = "commerce.events.";

    private static readonly Assembly Events = typeof(IEvent).Assembly;

    public static TheoryData<string, bool> EventTypes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var type in ConcreteEventTypes())
        {
            data.Add(type.FullName!, false);
            data.Add(type.FullName!, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void An_envelope_with_each_event_survives_the_Orleans_serializer(string eventType, bool nullsInOptionalFields)
    {
        var payload = (IEvent)new SampleValues(nullsInOptionalFields).Create(Events.GetType(eventType, throwOnError: true)!);
        var envelope = EventEnvelope.Create("key-1", payload, new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.FromHours(1)), "corr-1");

        var bytes = codecs.Serializer.SerializeToArray(envelope);
        var read = Assert.IsType<EventEnvelope>(codecs.Serializer.Deserialize<EventEnvelope>(bytes));

        Assert.IsType(payload.GetType(), read.Payload);
        DeepAssert.Equal(envelope, read, "envelope");
        var wire = Encoding.UTF8.GetString(bytes);
        Assert.Contains(AliasPrefix + payload.GetType().Name, wire);
        Assert.DoesNotContain(payload.GetType().FullName!, wire);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void An_envelope_with_each_event_is_shared_not_copied_on_local_calls(string eventType, bool nullsInOptionalFields)
    {
        var payload = (IEvent)new SampleValues(nullsInOptionalFields).Create(Events.GetType(eventType, throwOnError: true)!);
        var envelope = EventEnvelope.Create("key-1", payload, DateTimeOffset.UnixEpoch);

        Assert.Same(envelope, codecs.Copier.Copy(envelope));
    }

    [Fact]
    public void Every_event_and_every_record_it_carries_is_annotated_for_Orleans()
    {
        var problems = new List<string>();
        foreach (var type in SerializedTypes())
        {
            if (type.GetCustomAttribute<GenerateSerializerAttribute>() is null)
                problems.Add($"{type.Name} lacks [GenerateSerializer]");
            if (type.GetCustomAttribute<ImmutableAttribute>() is null)
                problems.Add($"{type.Name} lacks [Immutable]");
            if (type.GetCustomAttribute<AliasAttribute>()?.Alias != AliasPrefix + type.Name)
                problems.Add($"{type.Name} lacks [Alias(\"{AliasPrefix}{type.Name}\")]");
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

    [Fact]
    public void The_reflection_finds_the_events()
    {
        var names = ConcreteEventTypes().Select(t => t.Name).ToList();
        Assert.Contains("InterestShown", names);
        Assert.Contains("OrderPlaced", names);
        Assert.Contains("PaymentObserved", names);
        Assert.Contains("OfferMade", names);
        Assert.True(names.Count >= 36, $"expected at least 36 event types, found {names.Count}");
    }

    private static IEnumerable<Type> ConcreteEventTypes() =>
        Events.GetTypes().Where(t => typeof(IEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).OrderBy(t => t.FullName);

    /// <summary>The events, the envelope and every record reachable from their constructors.</summary>
    private static IEnumerable<Type> SerializedTypes()
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(ConcreteEventTypes().Append(typeof(EventEnvelope)));
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
                continue;
            foreach (var parameter in PrimaryConstructor(type).GetParameters())
            {
                var parameterType = parameter.ParameterType;
                var element = parameterType.IsGenericType ? parameterType.GetGenericArguments()[0] : parameterType;
                if (element.Assembly == Events && element != typeof(IEvent) && !element.IsEnum) // enums need no annotation
                    pending.Enqueue(element);
            }
        }
        return seen;
    }

    private static ConstructorInfo PrimaryConstructor(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
}
