namespace Dealix.Functions.Infrastructure.Tests.Infrastructure;

/// <summary>One request as the fake provider received it.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>The body read as an HTML form.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(BodyText).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
}
