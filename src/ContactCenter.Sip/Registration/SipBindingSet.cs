namespace ContactCenter.Sip.Registration;

/// <summary>The live bindings of one address-of-record and the version to pass back to
/// <see cref="ISipBindingStore.TryReplaceAsync"/> (0 when nothing is stored).</summary>
/// <param name="Version">The version read.</param>
/// <param name="Bindings">The bindings not expired at the time of reading.</param>
public sealed record SipBindingSet(long Version, IReadOnlyList<SipBinding> Bindings);
