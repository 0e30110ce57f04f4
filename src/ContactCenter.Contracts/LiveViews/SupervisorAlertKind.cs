namespace ContactCenter.Contracts.LiveViews;

/// <summary>Kinds of <see cref="SupervisorAlert"/>.</summary>
public enum SupervisorAlertKind
{
    /// <summary>An agent's no-answer policy fired (ROUTE-7): the agent was paused or logged out after missed offers.</summary>
    NoAnswerPolicy,

    /// <summary>An agent has been in one conversation longer than the site's
    /// <see cref="Configuration.SiteSettings.LongInteractionAlertAfter"/> (SUP-2).</summary>
    LongInteraction,
}
