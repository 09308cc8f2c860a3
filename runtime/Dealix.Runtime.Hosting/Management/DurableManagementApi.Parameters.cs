using System.Globalization;
using Dealix.Runtime.Hosting.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Runtime.Hosting.Management;

/// <summary>Query parameter parsing of the management API; every bad value is a 400 naming the parameter.</summary>
internal sealed partial class DurableManagementApi
{
    private static (TimeSpan? Value, IResult? Error) Seconds(HttpContext http, string name)
    {
        string? text = http.Request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && seconds <= 3600
            ? (TimeSpan.FromSeconds(seconds), null)
            : (null, Problems.BadRequest($"{name} '{text}' must be a number of seconds between 0 and 3600."));
    }

    /// <summary>true/false, the default when absent, or null when malformed.</summary>
    private static bool? Bool(HttpContext http, string name)
    {
        string? text = http.Request.Query[name].FirstOrDefault();
        bool fallback = name is "showInput" && http.Request.RouteValues.ContainsKey("instanceId")
            || name is "restartWithNewInstanceId";
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return bool.TryParse(text, out bool value) ? value : null;
    }

    private static (DateTimeOffset? From, DateTimeOffset? To, OrchestrationRuntimeStatus[]? Statuses, IResult? Error) Filter(HttpContext http, bool requireFrom)
    {
        (DateTimeOffset? from, IResult? fromError) = Time(http, "createdTimeFrom");
        (DateTimeOffset? to, IResult? toError) = Time(http, "createdTimeTo");
        if ((fromError ?? toError) is { } timeError)
        {
            return (null, null, null, timeError);
        }

        if (requireFrom && from is null)
        {
            return (null, null, null, Problems.BadRequest("createdTimeFrom is required to purge many instances."));
        }

        if (from is not null && to is not null && from > to)
        {
            return (null, null, null, Problems.BadRequest("createdTimeFrom is after createdTimeTo."));
        }

        string? statusText = http.Request.Query["runtimeStatus"].FirstOrDefault();
        if (string.IsNullOrEmpty(statusText))
        {
            return (from, to, null, null);
        }

        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (string part in statusText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse(part, ignoreCase: true, out OrchestrationRuntimeStatus status) || int.TryParse(part, out _))
            {
                return (null, null, null, Problems.BadRequest(
                    $"runtimeStatus '{part}' is not one of {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}."));
            }

            statuses.Add(status);
        }

        return (from, to, [.. statuses], null);
    }

    private static (DateTimeOffset? Value, IResult? Error) Time(HttpContext http, string name)
    {
        string? text = http.Request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value)
            ? (value, null)
            : (null, Problems.BadRequest($"{name} '{text}' is not a date and time (ISO 8601, e.g. 2026-01-31T00:00:00Z)."));
    }
}

/// <summary>Resolves the API from request services.</summary>
internal static class DurableManagementApiServices
{
    public static DurableManagementApi GetApi(this IServiceProvider services) => services.GetRequiredService<DurableManagementApi>();
}
