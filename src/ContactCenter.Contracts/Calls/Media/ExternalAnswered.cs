namespace ContactCenter.Contracts.Calls.Media;

/// <summary>The dialled external number answered.</summary>
/// <param name="CallId">The call.</param>
public sealed record ExternalAnswered(string CallId) : CallMediaEvent(CallId);
