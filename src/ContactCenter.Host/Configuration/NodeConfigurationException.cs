namespace ContactCenter.Host.Configuration;

/// <summary>The node cannot run as configured: bad flags or values, or a mode that is not available. The host prints
/// the message (which never holds a secret) and exits non-zero.</summary>
internal sealed class NodeConfigurationException : Exception
{
    public NodeConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>One exception listing every problem found, each on its own line.</summary>
    public static NodeConfigurationException Invalid(IEnumerable<string> errors, Exception? innerException = null) =>
        new("invalid configuration:" + string.Concat(errors.Select(e => $"{Environment.NewLine}  - {e}"))
            + $"{Environment.NewLine}Run with --help for the flags and their defaults.", innerException);
}
