namespace ContactCenter.Web.Apis;

/// <summary>The body of <c>PUT /voicemails/{id}/status</c> and <c>PUT /callbacks/{id}/status</c>.</summary>
/// <param name="Status">The new status by name (case ignored), e.g. <c>Heard</c> or <c>Completed</c>.</param>
public sealed record StatusChange(string? Status);
