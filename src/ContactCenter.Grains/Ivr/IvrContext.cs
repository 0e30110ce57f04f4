using System.Collections.Immutable;
using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Grains.Ivr;

/// <summary>What the walk knows of the call and the world for one step.</summary>
/// <param name="CallId">The call.</param>
/// <param name="CallerNumber">The caller's number; null or empty when anonymous.</param>
/// <param name="CalledNumber">The dialled number.</param>
/// <param name="Attributes">The call's attributes.</param>
/// <param name="ContactStatuses">Statuses of the caller's directory contacts (VIP).</param>
/// <param name="Now">The current time.</param>
public sealed record IvrContext(string CallId, string? CallerNumber, string CalledNumber,
    ImmutableDictionary<string, string> Attributes, ImmutableHashSet<ContactStatus> ContactStatuses, DateTimeOffset Now)
{
    /// <summary>The call attribute that names the caller's contact statuses (comma-separated <see cref="ContactStatus"/>
    /// names, e.g. <c>Vip</c>) when whoever identified the caller attached them.</summary>
    public const string ContactStatusAttribute = "contactStatus";

    /// <summary>The context of a call: a caller with a caller boost (contact status on arrival) or a
    /// <see cref="ContactStatusAttribute"/> naming it counts as VIP.</summary>
    public static IvrContext For(string callId, string? from, string? to, ImmutableDictionary<string, string> attributes,
        int callerBoost, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var statuses = ImmutableHashSet.CreateBuilder<ContactStatus>();
        if (callerBoost > 0)
        {
            statuses.Add(ContactStatus.Vip);
        }
        if (attributes.TryGetValue(ContactStatusAttribute, out var named))
        {
            foreach (var name in named.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Enum.TryParse<ContactStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status))
                {
                    statuses.Add(status);
                }
            }
        }
        return new IvrContext(callId, from, to ?? "", attributes, statuses.ToImmutable(), now);
    }
}
