using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>A dialog (RFC 3261 §12): identity, sequence numbers, route set and remote target. Builds in-dialog
/// requests and checks incoming ones. Not thread-safe: its owner (a call) serializes access.</summary>
public sealed partial class SipDialog
{
    private SipDialog(SipDialogId id, SipDialogState state, NameAddress localUri, NameAddress remoteUri, SipUri remoteTarget, IReadOnlyList<NameAddress> routeSet, bool isSecure)
    {
        Id = id;
        State = state;
        LocalUri = localUri;
        RemoteUri = remoteUri;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        IsSecure = isSecure;
    }

    /// <summary>Call-ID and tags.</summary>
    public SipDialogId Id { get; }

    /// <summary>Early, confirmed or terminated.</summary>
    public SipDialogState State { get; private set; }

    /// <summary>Our address (From of our requests), without tag.</summary>
    public NameAddress LocalUri { get; }

    /// <summary>The peer's address (To of our requests), without tag.</summary>
    public NameAddress RemoteUri { get; }

    /// <summary>Where our requests go: the peer's Contact, refreshed by target-refresh requests (§12.2).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The Route headers of our requests (from Record-Route, §12.1).</summary>
    public IReadOnlyList<NameAddress> RouteSet { get; private set; }

    /// <summary>The CSeq of our last request; null until we send one.</summary>
    public long? LocalSequence { get; private set; }

    /// <summary>The CSeq of the peer's last request; null until it sends one.</summary>
    public long? RemoteSequence { get; private set; }

    /// <summary>Whether the dialog was set up over sips (§12.1.1).</summary>
    public bool IsSecure { get; }

    /// <summary>The UAS side of a dialog created by our response <paramref name="response"/> (1xx with To tag or 2xx)
    /// to <paramref name="request"/> (§12.1.1).</summary>
    public static SipDialog CreateAsUas(SipRequest request, SipResponse response)
    {
        var localTag = response.To?.Tag ?? throw new ArgumentException("a dialog-creating response carries a To tag (§12.1.1)", nameof(response));
        var target = RequireContact(request, nameof(request));
        var dialog = new SipDialog(
            new SipDialogId(request.CallId!, localTag, request.From!.Tag ?? ""),
            StateFor(response), WithoutTag(request.To!), WithoutTag(request.From), target,
            request.RecordRoutes ?? [], request.RequestUri.Scheme == SipUriScheme.Sips)
        {
            RemoteSequence = request.CSeq!.Number,
        };
        return dialog;
    }

    /// <summary>The UAC side of a dialog created by <paramref name="response"/> (1xx with To tag or 2xx) to our
    /// <paramref name="request"/> (§12.1.2): the route set is the response's Record-Route reversed.</summary>
    public static SipDialog CreateAsUac(SipRequest request, SipResponse response)
    {
        var remoteTag = response.To?.Tag ?? throw new ArgumentException("a dialog-creating response carries a To tag (§12.1.2)", nameof(response));
        var target = RequireContact(response, nameof(response));
        var dialog = new SipDialog(
            new SipDialogId(request.CallId!, request.From!.Tag ?? "", remoteTag),
            StateFor(response), WithoutTag(request.From), WithoutTag(request.To!), target,
            Reversed(response.RecordRoutes), request.RequestUri.Scheme == SipUriScheme.Sips)
        {
            LocalSequence = request.CSeq!.Number,
        };
        return dialog;
    }

    /// <summary>Ends the dialog.</summary>
    public void Terminate() => State = SipDialogState.Terminated;

    private static SipDialogState StateFor(SipResponse response) => response.StatusCode switch
    {
        > 100 and < 200 => SipDialogState.Early,
        >= 200 and < 300 => SipDialogState.Confirmed,
        _ => throw new ArgumentException($"a {response.StatusCode} response does not create a dialog", nameof(response)),
    };

    private static SipUri RequireContact(SipMessage message, string parameter) =>
        message.Contacts is [var contact, ..] ? contact.Uri
            : throw new ArgumentException("a dialog-creating message carries exactly one Contact (§12.1)", parameter);

    private static NameAddress WithoutTag(NameAddress address) => new(address.Uri, address.DisplayName, address.Parameters.Without("tag"));

    private static NameAddress[] Reversed(IReadOnlyList<NameAddress>? routes)
    {
        if (routes is null)
        {
            return [];
        }
        var reversed = new NameAddress[routes.Count];
        for (var i = 0; i < routes.Count; i++)
        {
            reversed[i] = routes[routes.Count - 1 - i];
        }
        return reversed;
    }
}
