namespace Commerce.Conversation.Local;

/// <summary>One line of a shipped utterance file: the intent it was written for and its text.</summary>
public sealed record LabeledUtterance(string Intent, string Text);
