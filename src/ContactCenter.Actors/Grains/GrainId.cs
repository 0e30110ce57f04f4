namespace ContactCenter.Actors;

/// <summary>The identity of a grain: its type name (the full name of its primary grain interface) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>Parses the <c>type/key</c> form produced by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }
        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>A hash that is the same in every process (placement and reminder ranges depend on it).</summary>
    public uint StableHash() => StableHashing.Fnv1a32(Type, Key);

    public override string ToString() => $"{Type}/{Key}";
}
