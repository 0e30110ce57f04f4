namespace ContactCenter.Media.Codecs;

/// <summary>The two G.711 laws, valued by their static RTP payload type (RFC 3551 §6, Table 4).</summary>
public enum G711Codec
{
    /// <summary>PCMU, payload type 0.</summary>
    MuLaw = 0,

    /// <summary>PCMA, payload type 8.</summary>
    ALaw = 8,
}
