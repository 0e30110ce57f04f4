namespace ContactCenter.Host.Cluster;

/// <summary>This process's member of the cluster (its silo, or its external cluster client) as readiness sees it.</summary>
internal interface IClusterNode
{
    /// <summary>Started and, for a silo, not fenced: the node can serve.</summary>
    bool IsReady { get; }

    /// <summary>One line for health reports, such as <c>silo 127.0.0.1:11111@… (dc1) is up</c>.</summary>
    string Status { get; }
}
