using System.Text;

namespace Dealix.Functions.EndToEndTests.Infrastructure;

/// <summary>
/// The app started for one fresh tenant with its own operator key (and, when asked, a key of <see cref="OtherTenant"/>
/// for the 403 checks), as the loop, operations and content flow tests start it; and a request carrying a key.
/// </summary>
internal static class TenantApps
{
    /// <summary>The tenant of the other key.</summary>
    public const string OtherTenant = "othertenant";

    /// <summary>Starts the app on its own hub (<paramref name="hubPrefix"/> + a random part) with the keys and <paramref name="settings"/>.</summary>
    public static Task<TestApp> StartAsync(AzuriteProcess azurite, string hubPrefix, string tenant, string key, string? otherKey = null,
        IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Deals:WarmUpClassifier"] = "false",
            [$"Operators:Keys:{tenant}:Key"] = key,
            [$"Operators:Keys:{tenant}:Tenant"] = tenant,
        };
        if (otherKey is not null)
        {
            values["Operators:Keys:other:Key"] = otherKey;
            values["Operators:Keys:other:Tenant"] = OtherTenant;
        }

        foreach ((string name, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        return TestApp.StartAsync(azurite, TestApp.CreateScriptRoot(hubPrefix + Guid.NewGuid().ToString("N")[..10]), values);
    }

    /// <summary>Sends <paramref name="body"/> (JSON, if any) to <paramref name="path"/> with the function key <paramref name="key"/>.</summary>
    public static Task<HttpResponseMessage> SendAsync(this TestApp app, HttpMethod method, string path, string key, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return app.Client.SendAsync(request);
    }
}
