namespace ContactCenter.Grains.Ivr;

/// <summary>Ask the external service (<see cref="IIvrServices.LookupAsync"/>); the outcome comes back as
/// <see cref="IvrLookupAnswered"/> or <see cref="IvrLookupFailed"/>.</summary>
/// <param name="Request">The request, templates filled in.</param>
public sealed record IvrLookup(IvrLookupRequest Request) : IvrAction;
