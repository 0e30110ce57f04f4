using ContactCenter.Interop.Tests.Audio;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The parties of the front-end call tests and their tones, 400 Hz or more apart and clear of the 350/440/480 Hz
/// of ringback and call-progress tones.</summary>
internal static class CallParties
{
    public static readonly Party Caller = new("the caller", 700);

    public static readonly Party Agent = new("the agent", 1100);

    public static readonly Party Supervisor = new("the supervisor", 1700);

    public static readonly Party SecondAgent = new("the second agent", 2300);
}
