using System.Collections.Immutable;
using System.Globalization;
using ContactCenter.Contracts.Contacts;
using ContactCenter.Storage.Contacts;

namespace ContactCenter.Storage.Tests.Contacts;

/// <summary>The contract of <see cref="IContactDirectory"/>, written once and run per directory: compare-and-swap
/// writes that change nothing when stale, lookups by normalised number and case-insensitive e-mail that return every
/// match and follow updates, and keyset paging by name. Tests share a directory within a class, so each uses fresh
/// ids, numbers, addresses and name prefixes.</summary>
public abstract partial class ContactDirectoryContractTests
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A directory whose stored contacts no other running test touches, on a fake clock.</summary>
    protected abstract Task<ContactDirectoryUnderTest> CreateAsync();

    private static string NewId(string name) => $"{name}-{Guid.NewGuid():N}";

    private static string NewNumber() =>
        "+4822" + Random.Shared.NextInt64(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);

    private static string NewEmail(string name) => $"{name}.{Guid.NewGuid():N}@example.com";

    private static string Unique() => Guid.NewGuid().ToString("N")[..12];

    private static Contact NewContact(string id, string name = "Anna Nowak", params string[] numbers) => new()
    {
        Id = id,
        DisplayName = name,
        Phones = [.. numbers.Select(n => new ContactPhone(n))],
    };

    private static string[] Ids(IEnumerable<Contact> contacts) => [.. contacts.Select(c => c.Id)];

    [Fact]
    public async Task A_created_contact_is_stored_at_version_one_with_normalised_numbers_and_stamped_times()
    {
        var (directory, clock) = await CreateAsync();
        var number = NewNumber();
        var formatted = $"{number[..3]} ({number[3..5]}) {number[5..8]}-{number[8..]}";
        var contact = new Contact
        {
            Id = NewId("create"),
            Version = 42,
            DisplayName = "Anna Nowak",
            Company = "Acme",
            Phones = [new ContactPhone(formatted, "work")],
            Emails = ["Anna.Nowak@Example.com"],
            Status = ContactStatus.Vip,
            CustomFields = ImmutableDictionary<string, string>.Empty.Add("customerNo", "C-1001").Add("tier", "gold"),
            CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var created = await directory.CreateAsync(contact, Cancel);

        var expected = contact with
        {
            Version = 1,
            Phones = [new ContactPhone(number, "work")],
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        };
        ContactAssert.Equal(expected, created);
        ContactAssert.Equal(expected, await directory.GetAsync(contact.Id, Cancel));
    }

    [Fact]
    public async Task Getting_an_unknown_id_returns_null()
    {
        var (directory, _) = await CreateAsync();

        Assert.Null(await directory.GetAsync(NewId("missing"), Cancel));
    }

    [Fact]
    public async Task Creating_an_existing_id_is_a_conflict_and_changes_nothing()
    {
        var (directory, clock) = await CreateAsync();
        var number = NewNumber();
        var first = await directory.CreateAsync(NewContact(NewId("dup"), "First", number), Cancel);
        clock.Advance(TimeSpan.FromSeconds(5));

        var conflict = await Assert.ThrowsAsync<ContactVersionConflictException>(
            () => directory.CreateAsync(NewContact(first.Id, "Second", NewNumber()), Cancel));

        Assert.Equal((first.Id, 0L, (long?)1), (conflict.ContactId, conflict.ExpectedVersion, conflict.StoredVersion));
        ContactAssert.Equal(first, await directory.GetAsync(first.Id, Cancel));
        Assert.Equal([first.Id], Ids(await directory.FindByPhoneAsync(number, Cancel)));
    }

    [Fact]
    public async Task An_invalid_contact_is_refused_with_its_field_errors_and_nothing_is_stored()
    {
        var (directory, _) = await CreateAsync();
        var id = NewId("invalid");
        var created = await directory.CreateAsync(NewContact(NewId("valid")), Cancel);

        var onCreate = await Assert.ThrowsAsync<InvalidContactException>(
            () => directory.CreateAsync(NewContact(id, "", "not a number"), Cancel));
        var onUpdate = await Assert.ThrowsAsync<InvalidContactException>(
            () => directory.UpdateAsync(created with { Emails = ["nobody"] }, created.Version, Cancel));

        Assert.Equal(["displayName", "phones[0].number"], onCreate.Errors.Errors.Keys);
        Assert.Equal(["emails[0]"], onUpdate.Errors.Errors.Keys);
        Assert.Null(await directory.GetAsync(id, Cancel));
        ContactAssert.Equal(created, await directory.GetAsync(created.Id, Cancel));
    }

    [Fact]
    public async Task An_update_with_the_current_version_replaces_the_card_keeps_the_created_time_and_bumps_the_version()
    {
        var (directory, clock) = await CreateAsync();
        var created = await directory.CreateAsync(NewContact(NewId("update"), "Anna", NewNumber()), Cancel);
        clock.Advance(TimeSpan.FromMinutes(3));
        var changed = created with
        {
            DisplayName = "Anna Kowalska",
            Status = ContactStatus.Blacklisted,
            CustomFields = created.CustomFields.Add("reason", "abuse"),
            CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var updated = await directory.UpdateAsync(changed, 1, Cancel);
        clock.Advance(TimeSpan.FromMinutes(1));
        var again = await directory.UpdateAsync(updated with { Company = "Acme" }, 2, Cancel);

        var expected = changed with { Version = 2, CreatedAt = created.CreatedAt, UpdatedAt = created.CreatedAt.AddMinutes(3) };
        ContactAssert.Equal(expected, updated);
        ContactAssert.Equal(expected with { Version = 3, Company = "Acme", UpdatedAt = created.CreatedAt.AddMinutes(4) }, again);
        ContactAssert.Equal(again, await directory.GetAsync(created.Id, Cancel));
    }

    [Fact]
    public async Task A_stale_update_throws_and_changes_neither_the_card_nor_its_lookups()
    {
        var (directory, _) = await CreateAsync();
        var (oldNumber, newNumber) = (NewNumber(), NewNumber());
        var created = await directory.CreateAsync(NewContact(NewId("stale"), "Anna", oldNumber), Cancel);
        var current = await directory.UpdateAsync(created with { DisplayName = "Anna 2" }, 1, Cancel);

        // The conflict is reported through the returned task, as an I/O-bound directory reports it.
        var stale = directory.UpdateAsync(created with { DisplayName = "Lost", Phones = [new ContactPhone(newNumber)] }, 1, Cancel);
        var conflict = await Assert.ThrowsAsync<ContactVersionConflictException>(() => stale);
        var ahead = await Assert.ThrowsAsync<ContactVersionConflictException>(
            () => directory.UpdateAsync(current with { DisplayName = "Ahead" }, 3, Cancel));

        Assert.Equal((1L, (long?)2), (conflict.ExpectedVersion, conflict.StoredVersion));
        Assert.Equal((3L, (long?)2), (ahead.ExpectedVersion, ahead.StoredVersion));
        Assert.Contains(created.Id, conflict.Message, StringComparison.Ordinal);
        ContactAssert.Equal(current, await directory.GetAsync(created.Id, Cancel));
        Assert.Equal([created.Id], Ids(await directory.FindByPhoneAsync(oldNumber, Cancel)));
        Assert.Empty(await directory.FindByPhoneAsync(newNumber, Cancel));
    }

    [Fact]
    public async Task Updating_a_contact_that_does_not_exist_is_a_conflict_and_creates_nothing()
    {
        var (directory, _) = await CreateAsync();
        var id = NewId("ghost");

        var conflict = await Assert.ThrowsAsync<ContactVersionConflictException>(
            () => directory.UpdateAsync(NewContact(id), 1, Cancel));

        Assert.Null(conflict.StoredVersion);
        Assert.Null(await directory.GetAsync(id, Cancel));
    }

    [Fact]
    public async Task Of_concurrent_updates_expecting_the_same_version_exactly_one_wins()
    {
        var (directory, _) = await CreateAsync();
        var created = await directory.CreateAsync(NewContact(NewId("race"), "Racer"), Cancel);
        var numbers = Enumerable.Range(0, 8).Select(_ => NewNumber()).ToArray();

        var outcomes = await AllAtOnce.RunAsync(numbers.Length, writer => directory.UpdateAsync(
            created with { DisplayName = $"Writer {writer}", Phones = [new ContactPhone(numbers[writer])] }, 1, Cancel), Cancel);

        var winners = outcomes.Where(o => o.Error is null).Select(o => o.Result!).ToArray();
        var winner = Assert.Single(winners);
        Assert.Equal(2, winner.Version);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<ContactVersionConflictException>(o.Error));
        ContactAssert.Equal(winner, await directory.GetAsync(created.Id, Cancel));
        var found = await Task.WhenAll(numbers.Select(n => directory.FindByPhoneAsync(n, Cancel)));
        Assert.Equal(1, found.Count(f => f.Count == 1));
        Assert.Equal([created.Id], Ids(await directory.FindByPhoneAsync(winner.Phones[0].Number, Cancel)));
    }

    [Fact]
    public async Task Of_concurrent_creates_of_one_id_exactly_one_wins()
    {
        var (directory, _) = await CreateAsync();
        var id = NewId("create-race");

        var outcomes = await AllAtOnce.RunAsync(6, writer => directory.CreateAsync(NewContact(id, $"Writer {writer}"), Cancel), Cancel);

        var winner = Assert.Single(outcomes, o => o.Error is null).Result!;
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<ContactVersionConflictException>(o.Error));
        ContactAssert.Equal(winner, await directory.GetAsync(id, Cancel));
    }

    [Fact]
    public async Task Deleting_with_the_current_version_removes_the_contact_and_its_lookups()
    {
        var (directory, _) = await CreateAsync();
        var (number, email) = (NewNumber(), NewEmail("gone"));
        var created = await directory.CreateAsync(NewContact(NewId("delete"), "Gone", number) with { Emails = [email] }, Cancel);
        var updated = await directory.UpdateAsync(created with { DisplayName = "Gone soon" }, 1, Cancel);

        Assert.True(await directory.DeleteAsync(created.Id, updated.Version, Cancel));

        Assert.Null(await directory.GetAsync(created.Id, Cancel));
        Assert.Empty(await directory.FindByPhoneAsync(number, Cancel));
        Assert.Empty(await directory.FindByEmailAsync(email, Cancel));
        Assert.False(await directory.DeleteAsync(created.Id, updated.Version, Cancel));
        var recreated = await directory.CreateAsync(NewContact(created.Id, "Back", number), Cancel);
        Assert.Equal(1, recreated.Version);
        Assert.Equal([created.Id], Ids(await directory.FindByPhoneAsync(number, Cancel)));
    }

    [Fact]
    public async Task A_stale_delete_throws_and_keeps_the_contact()
    {
        var (directory, _) = await CreateAsync();
        var number = NewNumber();
        var created = await directory.CreateAsync(NewContact(NewId("keep"), "Kept", number), Cancel);
        var current = await directory.UpdateAsync(created with { DisplayName = "Kept 2" }, 1, Cancel);

        var conflict = await Assert.ThrowsAsync<ContactVersionConflictException>(() => directory.DeleteAsync(created.Id, 1, Cancel));

        Assert.Equal((1L, (long?)2), (conflict.ExpectedVersion, conflict.StoredVersion));
        ContactAssert.Equal(current, await directory.GetAsync(created.Id, Cancel));
        Assert.Equal([created.Id], Ids(await directory.FindByPhoneAsync(number, Cancel)));
    }
}
