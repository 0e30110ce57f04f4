using ContactCenter.Actors;

namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Where calls that start in the cluster — an agent dialling out — find a SIP front end to place their legs:
/// every front end announces its <see cref="ICallMedia"/> reference here and renews the announcement before it lapses,
/// so a front end that died drops out by itself and a registry activation that moved to another silo is full again
/// within one renewal. One registry per cluster, key <see cref="Key"/>.</summary>
public interface ICallMediaRegistry : IGrainWithStringKey
{
    /// <summary>The registry's grain key.</summary>
    const string Key = "all";

    /// <summary>Adds or renews front end <paramref name="frontEndId"/> at <paramref name="site"/> until
    /// <paramref name="validFor"/> has passed.</summary>
    Task AnnounceAsync(string frontEndId, ICallMedia media, string site, TimeSpan validFor);

    /// <summary>Removes a front end that is stopping.</summary>
    Task WithdrawAsync(string frontEndId);

    /// <summary>A live front end, one of <paramref name="site"/>'s when there is one, taking turns among equals; null when
    /// no front end is running.</summary>
    Task<ICallMedia?> PickAsync(string? site);
}
