namespace ContactCenter.Cluster.Tests;

/// <summary>Where the processes of a test report their command line and output: the test's output.</summary>
internal static class TestOutput
{
    public static void Report(string text) => TestContext.Current.TestOutputHelper?.WriteLine(text);
}
