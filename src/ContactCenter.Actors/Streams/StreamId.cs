namespace ContactCenter.Actors;

/// <summary>A stream's identity: a namespace ("queue-stats") and a key within it ("q1").</summary>
public readonly record struct StreamId(string Namespace, string Key)
{
    public override string ToString() => $"{Namespace}/{Key}";
}
