using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// Tenant settings from configuration: <c>Deals:LiveSend:{WhatsApp|Email|Sms}</c> (off unless set to true),
/// <c>Deals:AutoReplyEnabled</c>, <c>Deals:DefaultOperator</c> and <c>Deals:Placeholders:{name}</c>; a tenant overrides any
/// of them under <c>Deals:Tenants:{tenantId}:…</c>.
/// </summary>
public sealed class ConfigurationDealSettings(IConfiguration configuration) : IDealSettings
{
    public Task<DealSettings> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        IConfigurationSection global = configuration.GetSection("Deals");
        IConfigurationSection tenant = global.GetSection("Tenants").GetSection(tenantId);
        string? Read(string key) => tenant[key] ?? global[key];
        bool Flag(string key) => bool.TryParse(Read(key), out bool on) && on;

        var live = new HashSet<MessageChannel>();
        foreach ((string key, MessageChannel channel) in new[] { ("WhatsApp", MessageChannel.WhatsApp), ("Email", MessageChannel.Email), ("Sms", MessageChannel.Sms) })
        {
            if (Flag($"LiveSend:{key}"))
            {
                live.Add(channel);
            }
        }

        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IConfigurationSection section in new[] { global.GetSection("Placeholders"), tenant.GetSection("Placeholders") })
        {
            foreach (IConfigurationSection value in section.GetChildren())
            {
                if (value.Value is { Length: > 0 } v)
                {
                    placeholders[value.Key] = v;
                }
            }
        }

        return Task.FromResult(new DealSettings(live, Flag("AutoReplyEnabled"), placeholders, Read("DefaultOperator") ?? "operator"));
    }
}
