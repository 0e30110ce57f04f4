namespace ContactCenter.Actors;

/// <summary>The identity of an observer: the process that holds the object and a unique id within it.</summary>
public sealed record ObserverId(SiloAddress Process, Guid Id)
{
    public override string ToString() => $"{Process}/{Id:N}";

    public static ObserverId Parse(string value)
    {
        var slash = value.LastIndexOf('/');
        return slash > 0 && Guid.TryParseExact(value.AsSpan(slash + 1), "N", out var id)
            ? new ObserverId(SiloAddress.Parse(value[..slash]), id)
            : throw new FormatException($"'{value}' is not an observer id.");
    }
}
