using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Configuration;

/// <summary>Small configuration helpers.</summary>
internal static class ConfigurationExtensions
{
    public static string? GetConnectionStringOrNull(this IConfiguration configuration, string name) => configuration.GetConnectionString(name);
}
