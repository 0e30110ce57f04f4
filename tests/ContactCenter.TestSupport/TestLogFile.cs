namespace ContactCenter.TestSupport;

/// <summary>With <c>CC_TEST_LOG</c> set to a path, every test cluster's runtime log lines are appended there too — for
/// flaky failures in tests on shared clusters, whose lines reach no single test's output.</summary>
public static class TestLogFile
{
    private static readonly string? Path = Environment.GetEnvironmentVariable("CC_TEST_LOG");
    private static readonly Lock Gate = new();

    public static bool IsOn => Path is not null;

    public static void Append(string line)
    {
        if (Path is null)
        {
            return;
        }
        lock (Gate)
        {
            File.AppendAllText(Path, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }
}
