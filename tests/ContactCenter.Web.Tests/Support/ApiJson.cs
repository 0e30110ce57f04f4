using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Web.Tests.Support;

/// <summary>Requests and responses as the API speaks them (camelCase, enums as strings).</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Asserts that two documents serialise alike (records holding immutable arrays compare those by
    /// reference).</summary>
    public static void AssertSame<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Options), JsonSerializer.Serialize(actual, Options));

    /// <summary>Sends <c>PUT</c> of <paramref name="body"/> with the given conditional headers.</summary>
    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string path, T body, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return SendAsync(client, request);
    }

    /// <summary>Sends <c>DELETE</c> with <c>If-Match</c> when given.</summary>
    public static Task<HttpResponseMessage> DeleteIfMatchAsync(this HttpClient client, string path, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(path, UriKind.Relative));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return SendAsync(client, request);
    }

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Options, Cancel)
        ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: the body is null");

    /// <summary>The <c>errors</c> member of a validation problem.</summary>
    public static async Task<Dictionary<string, string[]>> ReadFieldErrorsAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Options)
               ?? throw new InvalidOperationException("errors is null");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            return await client.SendAsync(request, Cancel);
        }
    }
}
