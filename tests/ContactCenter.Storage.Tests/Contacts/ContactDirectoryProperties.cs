using ContactCenter.Contracts.Contacts;
using ContactCenter.Storage.Contacts;
using ContactCenter.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using Operation = (int Kind, int Id, int Phones, int Emails, int Spelling, bool Stale);

namespace ContactCenter.Storage.Tests.Contacts;

/// <summary>Random create/update/delete sequences (stale versions included) over a small world of ids, shared
/// numbers in varying formats and addresses in varying case: afterwards every lookup equals a brute-force scan of the
/// directory's full listing, and the listing equals a model that applied only the writes that should have won.</summary>
public sealed class ContactDirectoryProperties
{
    private static readonly string[] Ids = ["c0", "c1", "c2", "c3", "c4"];

    // Each number in two spellings, so writes and lookups rarely use the stored form.
    private static readonly string[][] Numbers =
    [
        ["+48225550100", "+48 22 555 01 00"],
        ["+48225550101", "+48 (22) 555-01-01"],
        ["0225550102", "(022) 555.01.02"],
        ["112", " 1 1 2 "],
    ];

    private static readonly string[] Emails = ["anna@example.com", "Office@Acme.example", "x@y.example"];

    private static readonly Gen<Operation> Operations =
        from kind in Gen.Choose(0, 9)
        from id in Gen.Choose(0, Ids.Length - 1)
        from phones in Gen.Choose(0, (1 << Numbers.Length) - 1)
        from emails in Gen.Choose(0, (1 << Emails.Length) - 1)
        from spelling in Gen.Choose(0, 1)
        from stale in Gen.Choose(0, 4)
        select (kind, id, phones, emails, spelling, stale == 0);

    [Fact]
    public void Lookups_equal_a_brute_force_scan_after_any_operation_sequence() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200),
            Prop.ForAll(Gen.ArrayOf(Operations).ToArbitrary(), operations => Holds(operations)));

    private static bool Holds(Operation[] operations)
    {
        var directory = new InMemoryContactDirectory(new FakeTimeProvider());
        var model = new Dictionary<string, (long Version, string[] Numbers, string[] Emails)>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            Apply(directory, model, operation);
        }

        var all = Completed(directory.ListAsync(null, 1000, null, TestContext.Current.CancellationToken)).Items;
        var listed = all.Select(c =>
            (c.Id, c.Version, Numbers: string.Join(",", c.Phones.Select(p => p.Number)), Emails: string.Join(",", c.Emails)));
        var expected = model.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => (m.Key, m.Value.Version, string.Join(",", m.Value.Numbers), string.Join(",", m.Value.Emails)));
        if (!listed.SequenceEqual(expected))
        {
            return false;
        }
        foreach (var spellings in Numbers)
        {
            foreach (var spelling in spellings)
            {
                var scan = all.Where(c => c.Phones.Any(p => p.Number == spellings[0])).Select(c => c.Id);
                var found = Completed(directory.FindByPhoneAsync(spelling, TestContext.Current.CancellationToken)).Select(c => c.Id);
                if (!found.SequenceEqual(scan.Order(StringComparer.Ordinal)))
                {
                    return false;
                }
            }
        }
        foreach (var email in Emails.SelectMany(e => new[] { e, e.ToUpperInvariant(), e.ToLowerInvariant() }))
        {
            var scan = all.Where(c => c.Emails.Any(e => string.Equals(e, email, StringComparison.OrdinalIgnoreCase))).Select(c => c.Id);
            var found = Completed(directory.FindByEmailAsync(email, TestContext.Current.CancellationToken)).Select(c => c.Id);
            if (!found.SequenceEqual(scan.Order(StringComparer.Ordinal)))
            {
                return false;
            }
        }
        return true;
    }

    private static void Apply(
        InMemoryContactDirectory directory, Dictionary<string, (long Version, string[] Numbers, string[] Emails)> model,
        Operation operation)
    {
        var id = Ids[operation.Id];
        var numbers = Numbers.Where((_, i) => (operation.Phones & (1 << i)) != 0).ToArray();
        var emails = Emails.Where((_, i) => (operation.Emails & (1 << i)) != 0).ToArray();
        var contact = new Contact
        {
            Id = id,
            DisplayName = $"Contact {id}",
            Phones = [.. numbers.Select(n => new ContactPhone(n[operation.Spelling]))],
            Emails = [.. emails.Select(e => operation.Spelling == 0 ? e : e.ToUpperInvariant())],
        };
        var exists = model.TryGetValue(id, out var current);
        var expectedVersion = operation.Stale ? current.Version + 1 : current.Version;
        var cancel = TestContext.Current.CancellationToken;
        Exception? error;
        switch (operation.Kind)
        {
            case < 3:
                error = Outcome(directory.CreateAsync(contact, cancel));
                if (!exists)
                {
                    model[id] = (1, [.. numbers.Select(n => n[0])], [.. contact.Emails]);
                }
                break;
            case < 8:
                error = Outcome(directory.UpdateAsync(contact, expectedVersion, cancel));
                if (exists && !operation.Stale)
                {
                    model[id] = (current.Version + 1, [.. numbers.Select(n => n[0])], [.. contact.Emails]);
                }
                break;
            default:
                error = Outcome(directory.DeleteAsync(id, expectedVersion, cancel));
                if (exists && !operation.Stale)
                {
                    model.Remove(id);
                }
                break;
        }
        var shouldFail = operation.Kind < 3 ? exists : operation.Kind < 8 ? !exists || operation.Stale : exists && operation.Stale;
        if (shouldFail != error is ContactVersionConflictException || (error is not null and not ContactVersionConflictException))
        {
            var before = exists ? $"v{current.Version}" : "no contact";
            throw new InvalidOperationException($"{operation} on {before} ended with {error?.Message ?? "success"}");
        }
    }

    // The in-memory directory completes every call synchronously; a pending task here would be a bug of its own.
    private static T Completed<T>(Task<T> task) =>
        task.IsCompletedSuccessfully ? task.Result : throw new InvalidOperationException($"the call did not complete: {task.Status}");

    private static Exception? Outcome<T>(Task<T> task)
    {
        if (task.IsFaulted)
        {
            return task.Exception!.InnerException;
        }
        Completed(task);
        return null;
    }
}
