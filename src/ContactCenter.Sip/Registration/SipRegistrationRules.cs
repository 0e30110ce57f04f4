namespace ContactCenter.Sip.Registration;

/// <summary>The binding update of RFC 3261 §10.3 steps 6–7 as a pure function of the current bindings.</summary>
internal static class SipRegistrationRules
{
    /// <summary>The bindings after <paramref name="request"/>; null when the request is out of order: a binding it
    /// touches was written with the same Call-ID and a CSeq not lower than the request's (the whole request then fails
    /// and nothing changes).</summary>
    public static List<SipBinding>? Apply(IReadOnlyList<SipBinding> current, SipRegisterRequest request, DateTimeOffset now)
    {
        if (request.Wildcard)
        {
            return current.Any(b => IsOutOfOrder(b, request)) ? null : [];
        }
        var result = new List<SipBinding>(current);
        // A contact listed twice in one request: the later entry wins over the one this request just added.
        var added = new HashSet<SipBinding>(ReferenceEqualityComparer.Instance);
        foreach (var (contact, expires) in request.Contacts)
        {
            var index = result.FindIndex(b => b.Contact.Uri.IsEquivalentTo(contact.Uri));
            if (index >= 0)
            {
                if (!added.Contains(result[index]) && IsOutOfOrder(result[index], request))
                {
                    return null;
                }
                result.RemoveAt(index);
            }
            if (expires > 0)
            {
                var binding = new SipBinding(request.AddressOfRecord, contact, request.CallId, request.CSeq, now.AddSeconds(expires), request.Source);
                result.Add(binding);
                added.Add(binding);
            }
        }
        return result;
    }

    private static bool IsOutOfOrder(SipBinding binding, SipRegisterRequest request) =>
        string.Equals(binding.CallId, request.CallId, StringComparison.Ordinal) && request.CSeq <= binding.CSeq;
}
