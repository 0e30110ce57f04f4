using System.Text;

namespace ContactCenter.Web.Tests.Support;

/// <summary>A strict RFC 4180 reader for the tests: CRLF records, fields quoted with doubled quotes inside.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("an unterminated quoted field");
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    throw new FormatException($"text after a closing quote at {i}");
                }
            }
            else if (text[i] == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i += 2;
            }
            else if (text[i] is '\r' or '\n' or '"')
            {
                throw new FormatException($"a bare {(int)text[i]} at {i} outside quotes");
            }
            else
            {
                field.Append(text[i++]);
            }
        }
        if (row.Count > 0 || field.Length > 0)
        {
            throw new FormatException("the last record does not end with CRLF");
        }
        return rows;
    }
}
