namespace ContactCenter.Grains.Ivr;

/// <summary>Ask whether the announcement is active (<see cref="IIvrServices.GetActiveAnnouncementAsync"/>); the
/// answer comes back as <see cref="IvrAnnouncementChecked"/>.</summary>
/// <param name="AnnouncementId">The announcement.</param>
public sealed record IvrCheckAnnouncement(string AnnouncementId) : IvrAction;
