using System.Collections.Immutable;

namespace ContactCenter.Contracts.Ivr;

/// <summary>Asks an external service (IVR-8, e.g. a card-validity check for a number entered by DTMF) and branches on a
/// value of its JSON answer. <see cref="Url"/> and <see cref="Body"/> are templates: <c>{caller}</c> (caller number),
/// <c>{called}</c> (dialled number), <c>{callId}</c> and <c>{attr:name}</c> (a call attribute, empty when unset) are
/// replaced, URL-encoded in the URL and JSON-escaped in the body. A transport error, a timeout, a status other than 2xx,
/// an answer that is not JSON or lacks <see cref="ResultPath"/> goes to <see cref="Error"/>.</summary>
public sealed record IvrHttpLookupNode : IvrNode
{
    /// <summary>Request method. Default GET.</summary>
    public IvrHttpMethod Method { get; init; } = IvrHttpMethod.Get;

    /// <summary>Absolute http or https URL template, at most 2,000 characters.</summary>
    public required string Url { get; init; }

    /// <summary>JSON body template for POST, at most 4,000 characters; must be null for GET.</summary>
    public string? Body { get; init; }

    /// <summary>Longest wait for the answer, at most 10 s. Default 3 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>JSON Pointer (RFC 6901) to the value branched on, e.g. <c>/card/status</c>; empty = the whole answer.
    /// </summary>
    public string ResultPath { get; init; } = "";

    /// <summary>Call attribute that receives the value (so later prompts can read it by text-to-speech); null =
    /// not stored.</summary>
    public string? SaveAs { get; init; }

    /// <summary>Branches by value, each value at most once.</summary>
    public ImmutableArray<IvrLookupBranch> Branches { get; init; } = [];

    /// <summary>Node when the value matches no branch.</summary>
    public required string Default { get; init; }

    /// <summary>Node when the lookup fails.</summary>
    public required string Error { get; init; }
}
