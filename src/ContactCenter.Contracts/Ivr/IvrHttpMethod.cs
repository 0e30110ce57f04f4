namespace ContactCenter.Contracts.Ivr;

/// <summary>The request method of an <see cref="IvrHttpLookupNode"/>.</summary>
public enum IvrHttpMethod
{
    /// <summary>GET; the inputs travel in the URL.</summary>
    Get,

    /// <summary>POST with <see cref="IvrHttpLookupNode.Body"/> as a JSON body.</summary>
    Post,
}
