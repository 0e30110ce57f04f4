namespace ContactCenter.Interop.Tests.Ivr;

/// <summary>What <see cref="LookupServer"/>'s <c>/echo</c> got.</summary>
internal sealed record EchoAnswer(string Method, string Query, string Body, string ContentType);
