namespace Dealix.Functions.Infrastructure.OpenApi;

/// <summary>The OpenAPI 3 document of the deal routes (request and response bodies), embedded in this assembly.</summary>
public static class DealsOpenApi
{
    private static readonly Lazy<string> Document = new(() =>
    {
        using Stream stream = typeof(DealsOpenApi).Assembly.GetManifestResourceStream("Dealix.Deals.OpenApi.json")
            ?? throw new InvalidOperationException("The embedded OpenAPI document is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The document as JSON.</summary>
    public static string Json => Document.Value;
}
