using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

public sealed partial class SipDialog
{
    /// <summary>A new request within the dialog (§12.2.1.1) with the next local CSeq, To/From with tags, Call-ID,
    /// Request-URI and Route from the route set, Max-Forwards 70 and an optional Contact (required for target refresh
    /// requests). The caller adds the top Via with a new branch.</summary>
    public SipRequest CreateRequest(string method, NameAddress? contact = null)
    {
        if (method is SipMethods.Ack or SipMethods.Cancel)
        {
            throw new ArgumentException("ACK takes the INVITE's CSeq (use CreateAck); CANCEL copies the request (SipRequestFactory.CreateCancel)", nameof(method));
        }
        if (State == SipDialogState.Terminated)
        {
            throw new InvalidOperationException($"dialog {Id} is terminated");
        }
        // §12.2.1.1: an empty local sequence gets an initial value; any value below 2^31 will do.
        LocalSequence = (LocalSequence ?? 0) + 1;
        return Build(method, LocalSequence.Value, contact);
    }

    /// <summary>The ACK for a 2xx to the INVITE with CSeq <paramref name="inviteSequence"/> (§13.2.2.4): same CSeq
    /// number, built like any in-dialog request. The caller adds a Via with a new branch.</summary>
    public SipRequest CreateAck(long inviteSequence) => Build(SipMethods.Ack, inviteSequence, contact: null);

    /// <summary>Checks a request the peer sent within the dialog (§12.2.2) and applies it: returns 500 when its CSeq is
    /// lower than the last one (out of order), else null after recording the CSeq and, for target refresh
    /// requests with a Contact, the new remote target.</summary>
    public int? ReceiveRequest(SipRequest request)
    {
        // ACK and CANCEL reuse the CSeq number of the request they belong to.
        if (request.Method is not (SipMethods.Ack or SipMethods.Cancel))
        {
            var number = request.CSeq!.Number;
            if (RemoteSequence is { } last && number < last)
            {
                return 500;
            }
            RemoteSequence = number;
        }
        if (IsTargetRefresh(request.Method) && request.Contacts is [var contact, ..])
        {
            RemoteTarget = contact.Uri;
        }
        return null;
    }

    /// <summary>Applies a response to a request we sent in this dialog or to the INVITE that created it: a 2xx
    /// confirms an early dialog and recomputes its route set (§13.2.2.4); a 2xx to a target refresh updates the remote
    /// target (§12.2.1.2); a failure ends an early dialog; 481 and 408 end any dialog (§12.2.1.2).</summary>
    public void ReceiveResponse(SipRequest request, SipResponse response)
    {
        if (State == SipDialogState.Terminated || response.IsProvisional)
        {
            return;
        }
        if (response.StatusCode is 481 or 408 || (State == SipDialogState.Early && !response.IsSuccess && request.Method == SipMethods.Invite))
        {
            State = SipDialogState.Terminated;
            return;
        }
        if (!response.IsSuccess)
        {
            return;
        }
        if (State == SipDialogState.Early && request.Method == SipMethods.Invite)
        {
            State = SipDialogState.Confirmed;
            RouteSet = Reversed(response.RecordRoutes);
        }
        if (IsTargetRefresh(request.Method) && response.Contacts is [var contact, ..])
        {
            RemoteTarget = contact.Uri;
        }
    }

    /// <summary>Methods that refresh the remote target (§12.2, RFC 3311, RFC 6665, RFC 3515).</summary>
    public static bool IsTargetRefresh(string method) =>
        method is SipMethods.Invite or SipMethods.Update or SipMethods.Subscribe or SipMethods.Notify or SipMethods.Refer;

    private SipRequest Build(string method, long sequence, NameAddress? contact)
    {
        SipUri requestUri;
        var routes = new List<NameAddress>(RouteSet.Count + 1);
        if (RouteSet.Count == 0 || RouteSet[0].Uri.IsLooseRouter)
        {
            requestUri = RemoteTarget;
            routes.AddRange(RouteSet);
        }
        else
        {
            // Strict router (§12.2.1.1): it gets the Request-URI, and the remote target travels as the last Route.
            requestUri = RouteSet[0].Uri.WithoutParameter("method");
            for (var i = 1; i < RouteSet.Count; i++)
            {
                routes.Add(RouteSet[i]);
            }
            routes.Add(new NameAddress(RemoteTarget));
        }
        var request = new SipRequest(method, requestUri.WithoutHeaders(), new SipHeaderCollection(10));
        request.Headers.AddCanonical(SipHeaderNames.MaxForwards, "70");
        foreach (var route in routes)
        {
            request.Headers.AddCanonical(SipHeaderNames.Route, route.ToString());
        }
        request.Headers.AddCanonical(SipHeaderNames.To, (Id.RemoteTag.Length == 0 ? RemoteUri : RemoteUri.WithTag(Id.RemoteTag)).ToString());
        request.Headers.AddCanonical(SipHeaderNames.From, LocalUri.WithTag(Id.LocalTag).ToString());
        request.Headers.AddCanonical(SipHeaderNames.CallId, Id.CallId);
        request.Headers.AddCanonical(SipHeaderNames.CSeq, new CSeqHeader(sequence, method).ToString());
        if (contact is not null)
        {
            request.Headers.AddCanonical(SipHeaderNames.Contact, contact.ToString());
        }
        return request;
    }
}
