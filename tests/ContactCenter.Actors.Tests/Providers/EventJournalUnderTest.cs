namespace ContactCenter.Actors.Tests.Providers;

/// <summary>An event journal on fresh storage, with the clock it stamps records with.</summary>
public sealed record EventJournalUnderTest(IEventJournal Journal, IProviderClock Clock);
