namespace ContactCenter.Web.Tests.Security;

/// <summary>The body of the authorization sweep's probe endpoints.</summary>
internal sealed record ProbeBody(string Required);
