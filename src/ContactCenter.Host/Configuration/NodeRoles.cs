namespace ContactCenter.Host.Configuration;

/// <summary>The roles a process runs (<c>--roles</c>); any mix of them.</summary>
[Flags]
internal enum NodeRoles
{
    /// <summary>No role; never valid on its own.</summary>
    None = 0,

    /// <summary>Hosts grain activations and is a member of the cluster.</summary>
    Silo = 1,

    /// <summary>ASP.NET Core: REST, SignalR hubs and the browser app.</summary>
    Web = 2,

    /// <summary>The SIP/media front end.</summary>
    Sip = 4,
}
