using Dealix.Functions.Infrastructure.Outreach;
using Dealix.Orchestrations.Outreach.Ports;
using Dealix.Orchestrations.Scheduling.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Infrastructure;

/// <summary>Registers the outreach area's ports (prospects, opt-ins, send log, sender) and the scheduled jobs' tenants.</summary>
public static class OutreachInfrastructure
{
    /// <summary>Adds the outreach stores and ports; needs <see cref="DealsInfrastructure.AddDealsInfrastructure"/> first.</summary>
    public static IServiceCollection AddOutreachInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WhatsAppTemplateOptions>(o =>
        {
            IConfigurationSection section = configuration.GetSection(WhatsAppTemplateOptions.Section);
            foreach (IConfigurationSection kind in section.GetChildren().Where(c => c.Key != "Tenants"))
            {
                o.Kinds[kind.Key] = kind.Get<TemplateSetting>() ?? new TemplateSetting();
            }

            foreach (IConfigurationSection tenant in section.GetSection("Tenants").GetChildren())
            {
                o.Tenants[tenant.Key] = tenant.GetChildren().ToDictionary(k => k.Key, k => k.Get<TemplateSetting>() ?? new TemplateSetting(), StringComparer.Ordinal);
            }
        });
        services.AddSingleton<IProspectStore, TableProspectStore>();
        services.AddSingleton<IWhatsAppOptIns, TableWhatsAppOptIns>();
        services.AddSingleton<ISendLog, TableSendLog>();
        services.AddSingleton<IDraftSender, OutboxDraftSender>();
        services.AddSingleton<ITenantDirectory, ConfigurationTenantDirectory>();
        return services;
    }
}
