namespace ContactCenter.Interop.Tests.Baresip;

/// <summary>An event baresip's ctrl_tcp module reported (<c>{"event":true,"type":"CALL_ESTABLISHED",…}</c>).</summary>
internal sealed record BaresipEvent(string Type, string? Parameter, string? PeerUri, string Json);
