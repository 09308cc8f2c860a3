using System.Text.Json.Serialization;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Http;
using Microsoft.AspNetCore.Http;

namespace Dealix.Runtime.Hosting.Management;

/// <summary>Builds the management URLs Durable Functions hands out for an instance.</summary>
public sealed class ManagementUrls(FunctionsHostOptions options, HostKeys keys)
{
    /// <summary>The base path of the API.</summary>
    public const string BasePath = "/runtime/webhooks/durabletask";

    /// <summary>The connection name Durable Functions writes into its URLs by default.</summary>
    public const string ConnectionName = "Storage";

    /// <summary>The 8 URLs of the start response, for <paramref name="instanceId"/>, rooted at the request's scheme and host.</summary>
    public HttpManagementPayload For(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        string root = $"{request.Scheme}://{request.Host}{BasePath}";
        string query = Query();
        string instance = $"{root}/instances/{Uri.EscapeDataString(instanceId)}";
        return new HttpManagementPayload(
            instanceId,
            $"{instance}?{query}",
            $"{instance}/raiseEvent/{{eventName}}?{query}",
            $"{instance}/terminate?reason={{text}}&{query}",
            $"{instance}?{query}",
            $"{instance}/restart?{query}",
            $"{instance}/suspend?reason={{text}}&{query}",
            $"{instance}/resume?reason={{text}}&{query}");
    }

    /// <summary>The query suffix: <c>taskHub={hub}&amp;connection=Storage&amp;code={system key}</c>.</summary>
    public string Query()
    {
        string query = $"taskHub={Uri.EscapeDataString(options.HubName)}&connection={ConnectionName}";
        return keys.SystemKey is { } code ? $"{query}&code={Uri.EscapeDataString(code)}" : query;
    }
}

/// <summary>The start response body of Durable Functions (field names are the wire format).</summary>
public sealed record HttpManagementPayload(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("statusQueryGetUri")] string StatusQueryGetUri,
    [property: JsonPropertyName("sendEventPostUri")] string SendEventPostUri,
    [property: JsonPropertyName("terminatePostUri")] string TerminatePostUri,
    [property: JsonPropertyName("purgeHistoryDeleteUri")] string PurgeHistoryDeleteUri,
    [property: JsonPropertyName("restartPostUri")] string RestartPostUri,
    [property: JsonPropertyName("suspendPostUri")] string SuspendPostUri,
    [property: JsonPropertyName("resumePostUri")] string ResumePostUri);
