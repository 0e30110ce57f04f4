namespace ContactCenter.Grains.Tests.Calls;

/// <summary>One command a call grain gave its front end.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Name">The <see cref="Contracts.Calls.Media.ICallMedia"/> method.</param>
/// <param name="Argument">Its argument after the call id, if any.</param>
public sealed record MediaCommand(string CallId, string Name, object? Argument);
