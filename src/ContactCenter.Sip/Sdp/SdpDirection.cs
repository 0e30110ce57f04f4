namespace ContactCenter.Sip.Sdp;

/// <summary>Media direction attributes (RFC 4566 §6, RFC 3264 §5.1), from the point of view of the side that wrote
/// the description.</summary>
public enum SdpDirection
{
    /// <summary>a=sendrecv (the default when none is given).</summary>
    SendRecv,

    /// <summary>a=sendonly: the writer sends but does not want to receive (puts the other side on hold).</summary>
    SendOnly,

    /// <summary>a=recvonly.</summary>
    RecvOnly,

    /// <summary>a=inactive.</summary>
    Inactive,
}
