namespace ContactCenter.Actors.Calls;

internal static class CompletedTasks
{
    /// <summary>The value of a task known to have completed successfully (a task of another type yields default).
    /// Never blocks: callers check completion first.</summary>
    public static T ValueOf<T>(Task completed) =>
        completed is Task<T> { IsCompletedSuccessfully: true, Result: var value } ? value : default!;
}
