using System.Text.Json.Nodes;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>Compares JSON documents by meaning: a provider may store them normalised (PostgreSQL <c>jsonb</c> rewrites
/// whitespace and key order), so the contract is the document, not its spelling.</summary>
public static class JsonAssert
{
    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"expected JSON {expected} but the provider returned {actual}");
    }
}
