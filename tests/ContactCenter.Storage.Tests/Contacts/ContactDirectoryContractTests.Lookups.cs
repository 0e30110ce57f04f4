using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Tests.Contacts;

public abstract partial class ContactDirectoryContractTests
{
    [Fact]
    public async Task A_phone_lookup_returns_every_contact_sharing_the_number_ordered_by_id()
    {
        var (directory, _) = await CreateAsync();
        var (shared, own) = (NewNumber(), NewNumber());
        var prefix = NewId("shared");
        await directory.CreateAsync(NewContact($"{prefix}-c", "Carol", shared), Cancel);
        await directory.CreateAsync(NewContact($"{prefix}-a", "Adam", own, shared), Cancel);
        await directory.CreateAsync(NewContact($"{prefix}-b", "Beata", own), Cancel);
        await directory.CreateAsync(NewContact($"{prefix}-d", "Dora", NewNumber()), Cancel);

        Assert.Equal([$"{prefix}-a", $"{prefix}-c"], Ids(await directory.FindByPhoneAsync(shared, Cancel)));
        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], Ids(await directory.FindByPhoneAsync(own, Cancel)));
        Assert.Empty(await directory.FindByPhoneAsync(NewNumber(), Cancel));
    }

    [Fact]
    public async Task A_phone_lookup_normalises_the_number_searched_for()
    {
        var (directory, _) = await CreateAsync();
        var number = NewNumber();
        var created = await directory.CreateAsync(NewContact(NewId("format"), "Formatted", number), Cancel);
        var spaced = string.Join(' ', number.Chunk(3).Select(c => new string(c)));
        var dashed = $"{number[..3]}-({number[3..5]})-{number[5..]}";

        Assert.Equal([created.Id], Ids(await directory.FindByPhoneAsync(spaced, Cancel)));
        Assert.Equal([created.Id], Ids(await directory.FindByPhoneAsync(dashed, Cancel)));
        Assert.Empty(await directory.FindByPhoneAsync(number[1..], Cancel));
    }

    [Fact]
    public async Task A_lookup_by_something_that_is_not_a_number_finds_nothing()
    {
        var (directory, _) = await CreateAsync();
        await directory.CreateAsync(NewContact(NewId("anon"), "Someone", NewNumber()), Cancel);

        Assert.Empty(await directory.FindByPhoneAsync("anonymous", Cancel));
        Assert.Empty(await directory.FindByPhoneAsync("", Cancel));
        Assert.Empty(await directory.FindByEmailAsync("", Cancel));
    }

    [Fact]
    public async Task An_email_lookup_ignores_case_and_returns_every_match()
    {
        var (directory, _) = await CreateAsync();
        var email = NewEmail("Office");
        var prefix = NewId("mail");
        var first = await directory.CreateAsync(NewContact($"{prefix}-1", "One") with { Emails = [email.ToUpperInvariant()] }, Cancel);
        var second = await directory.CreateAsync(NewContact($"{prefix}-2", "Two") with { Emails = [NewEmail("x"), email] }, Cancel);

        Assert.Equal([first.Id, second.Id], Ids(await directory.FindByEmailAsync(email.ToLowerInvariant(), Cancel)));
        Assert.Equal([first.Id, second.Id], Ids(await directory.FindByEmailAsync($" {email.ToUpperInvariant()} ", Cancel)));
        Assert.Equal([email.ToUpperInvariant()], (await directory.GetAsync(first.Id, Cancel))!.Emails);
        Assert.Empty(await directory.FindByEmailAsync(NewEmail("nobody"), Cancel));
    }

    [Fact]
    public async Task A_contact_updated_to_drop_a_number_or_address_is_no_longer_found_by_it()
    {
        var (directory, _) = await CreateAsync();
        var (kept, dropped, added) = (NewNumber(), NewNumber(), NewNumber());
        var (keptEmail, droppedEmail) = (NewEmail("kept"), NewEmail("dropped"));
        var created = await directory.CreateAsync(
            NewContact(NewId("drop"), "Dropper", kept, dropped) with { Emails = [keptEmail, droppedEmail] }, Cancel);

        var updated = await directory.UpdateAsync(
            created with { Phones = [new ContactPhone(kept), new ContactPhone(added)], Emails = [keptEmail] }, 1, Cancel);

        Assert.Empty(await directory.FindByPhoneAsync(dropped, Cancel));
        Assert.Empty(await directory.FindByEmailAsync(droppedEmail, Cancel));
        ContactAssert.Equal(updated, Assert.Single(await directory.FindByPhoneAsync(kept, Cancel)));
        ContactAssert.Equal(updated, Assert.Single(await directory.FindByPhoneAsync(added, Cancel)));
        ContactAssert.Equal(updated, Assert.Single(await directory.FindByEmailAsync(keptEmail, Cancel)));
    }

    [Fact]
    public async Task Listing_pages_through_the_name_prefix_matches_in_name_then_id_order_without_repeats()
    {
        var (directory, _) = await CreateAsync();
        var tag = Unique();
        string[] names = ["Zofia", "adam", "Adam", "Beata", "celina", "Celina", "Dorota", "Ewa", "ewa"];
        for (var i = 0; i < names.Length; i++)
        {
            await directory.CreateAsync(NewContact($"{tag}-{i}", $"{tag} {names[i]}"), Cancel);
        }
        await directory.CreateAsync(NewContact(NewId("other"), $"x{tag} Adam"), Cancel);

        var seen = new List<Contact>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await directory.ListAsync(tag.ToUpperInvariant(), 4, cursor, Cancel);
            Assert.True(page.Items.Count is > 0 and <= 4, $"page {pages} holds {page.Items.Count} contacts");
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        string[] expected = [$"{tag}-1", $"{tag}-2", $"{tag}-3", $"{tag}-4", $"{tag}-5", $"{tag}-6", $"{tag}-7", $"{tag}-8", $"{tag}-0"];
        Assert.Equal(expected, Ids(seen));
    }

    [Fact]
    public async Task Listing_continues_after_the_cursor_position_even_when_contacts_change_between_pages()
    {
        var (directory, _) = await CreateAsync();
        var tag = Unique();
        var contacts = new List<Contact>();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            contacts.Add(await directory.CreateAsync(NewContact($"{tag}-{name}", $"{tag} {name}"), Cancel));
        }

        var first = await directory.ListAsync(tag, 2, null, Cancel);
        Assert.True(await directory.DeleteAsync(contacts[1].Id, 1, Cancel));
        await directory.CreateAsync(NewContact($"{tag}-a2", $"{tag} a2"), Cancel);
        await directory.CreateAsync(NewContact($"{tag}-c2", $"{tag} c2"), Cancel);
        var second = await directory.ListAsync(tag, 10, first.NextCursor, Cancel);

        Assert.Equal([$"{tag}-a", $"{tag}-b"], Ids(first.Items));
        Assert.Equal([$"{tag}-c", $"{tag}-c2", $"{tag}-d"], Ids(second.Items));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_listing_prefix_matches_like_wildcards_and_backslashes_literally()
    {
        var (directory, _) = await CreateAsync();
        var tag = Unique();
        await directory.CreateAsync(NewContact($"{tag}-1", $"{tag}%_\\ literal"), Cancel);
        await directory.CreateAsync(NewContact($"{tag}-2", $"{tag}xy\\ wildcard victim"), Cancel);
        await directory.CreateAsync(NewContact($"{tag}-3", $"{tag}_"), Cancel);

        Assert.Equal([$"{tag}-1"], Ids((await directory.ListAsync($"{tag}%_\\", 10, null, Cancel)).Items));
        Assert.Equal([$"{tag}-1"], Ids((await directory.ListAsync($"{tag}%", 10, null, Cancel)).Items));
        Assert.Equal([$"{tag}-3"], Ids((await directory.ListAsync($"{tag}_", 10, null, Cancel)).Items));
        Assert.Equal(3, (await directory.ListAsync(tag, 10, null, Cancel)).Items.Count);
    }

    [Fact]
    public async Task A_listing_without_a_prefix_returns_everything_and_bad_arguments_are_refused()
    {
        var (directory, _) = await CreateAsync();
        var created = await directory.CreateAsync(NewContact(NewId("all"), $"{Unique()} All"), Cancel);

        var all = new List<Contact>();
        string? cursor = null;
        do
        {
            var page = await directory.ListAsync(null, 1000, cursor, Cancel);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Contains(created.Id, Ids(all));
        await Assert.ThrowsAsync<ArgumentException>(() => directory.ListAsync(null, 10, "not a cursor!", Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => directory.ListAsync(null, 0, null, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => directory.ListAsync(null, 1001, null, Cancel));
    }
}
