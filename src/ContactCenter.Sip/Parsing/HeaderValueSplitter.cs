namespace ContactCenter.Sip.Parsing;

/// <summary>Splits a list header value at the commas that separate elements (RFC 3261 §7.3.1), skipping commas inside
/// quoted strings (with their escapes) and inside <c>&lt;…&gt;</c>.</summary>
internal static class HeaderValueSplitter
{
    public static void Split(string value, List<string> into)
    {
        var start = 0;
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '<':
                    inAngle = true;
                    break;
                case '>':
                    inAngle = false;
                    break;
                case ',' when !inAngle:
                    AddTrimmed(value, start, i, into);
                    start = i + 1;
                    break;
                default:
                    break;
            }
        }
        AddTrimmed(value, start, value.Length, into);
    }

    private static void AddTrimmed(string value, int start, int end, List<string> into)
    {
        var span = value.AsSpan(start, end - start).Trim(" \t");
        // Empty elements (a stray or trailing comma) are tolerated and dropped; the typed parse decides validity.
        if (!span.IsEmpty)
        {
            into.Add(span.Length == value.Length ? value : span.ToString());
        }
    }
}
