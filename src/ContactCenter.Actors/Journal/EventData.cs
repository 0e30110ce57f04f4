namespace ContactCenter.Actors;

/// <summary>An event to append: its type name (for readers that do not load the CLR type) and its JSON.</summary>
public sealed record EventData(string EventType, string Json);
