namespace Commerce.Conversation.Local;

/// <summary>The shipped utterances (embedded in the assembly): the training set and the held-out set, which training never reads.</summary>
public static class UtteranceSet
{
    public static IReadOnlyList<LabeledUtterance> Training() => Read("Commerce.Conversation.intents.train.tsv");

    public static IReadOnlyList<LabeledUtterance> HeldOut() => Read("Commerce.Conversation.intents.heldout.tsv");

    /// <summary>Lines "intent TAB text"; blank lines and lines starting with # are skipped.</summary>
    public static IReadOnlyList<LabeledUtterance> Parse(TextReader reader)
    {
        var list = new List<LabeledUtterance>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
                throw new InvalidDataException($"utterance line {number} is not \"intent<TAB>text\": {line}");
            list.Add(new LabeledUtterance(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }

        return list;
    }

    private static IReadOnlyList<LabeledUtterance> Read(string name)
    {
        using var stream = typeof(UtteranceSet).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the assembly carries no resource {name}");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
