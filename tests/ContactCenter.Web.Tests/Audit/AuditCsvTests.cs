using ContactCenter.Storage.Audit;
using ContactCenter.Web.Apis;
using ContactCenter.Web.Tests.Support;

namespace ContactCenter.Web.Tests.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("cr\rlf\r\n", "\"cr\rlf\r\n\"")]
    public void A_field_is_quoted_exactly_when_it_holds_a_comma_quote_or_line_break(string? value, string expected) =>
        Assert.Equal(expected, AuditCsv.Field(value));

    [Fact]
    public async Task Written_entries_parse_back_field_for_field()
    {
        var entry = new AuditEntry
        {
            Sequence = 12,
            At = new DateTimeOffset(2026, 3, 2, 9, 15, 30, TimeSpan.Zero).AddTicks(1230),
            Actor = "Doe, \"JJ\"\r\nJr",
            Action = "queue.update",
            Kind = "queue",
            TargetId = "sales",
            Outcome = AuditOutcome.Conflict,
            Before = """{"name":"a, \"b\""}""",
            After = null,
            ClientAddress = "::1",
        };
        await using var text = new StringWriter();

        await AuditCsv.WriteHeaderAsync(text);
        await AuditCsv.WriteAsync(text, entry);
        var rows = Csv.Parse(text.ToString());

        Assert.EndsWith("\r\n", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["sequence", "at", "actor", "action", "kind", "targetId", "outcome", "clientAddress", "before", "after"], rows[0]);
        Assert.Equal(["12", "2026-03-02T09:15:30.000123Z", entry.Actor, "queue.update", "queue", "sales", "Conflict", "::1", entry.Before!, ""], rows[1]);
    }
}
