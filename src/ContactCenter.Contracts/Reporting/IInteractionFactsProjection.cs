using ContactCenter.Actors;

namespace ContactCenter.Contracts.Reporting;

/// <summary>The projection that keeps <see cref="IInteractionFactStore"/> up to date from the calls' journals; one
/// in the cluster, under <see cref="Key"/>. Silos activate it at start; it then follows the journal by itself.</summary>
public interface IInteractionFactsProjection : IJournalProjection
{
    /// <summary>The key of the one projection.</summary>
    const string Key = "interaction-facts";
}
