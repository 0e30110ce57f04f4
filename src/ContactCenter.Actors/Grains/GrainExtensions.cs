using ContactCenter.Actors.Calls;

namespace ContactCenter.Actors;

public static class GrainExtensions
{
    /// <summary>The identity behind a grain reference.</summary>
    public static GrainId GetGrainId(this IGrain grain) =>
        grain is GrainProxy { Reference.GrainId: { } id }
            ? id
            : grain is Grain implementation ? implementation.GrainId
            : throw new ArgumentException("not a grain reference", nameof(grain));

    /// <summary>The key a grain reference addresses.</summary>
    public static string GetPrimaryKeyString(this IGrainWithStringKey grain) => grain.GetGrainId().Key;
}
