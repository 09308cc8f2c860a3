using Dealix.Functions.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Scheduling;

/// <summary>Registers the scheduled jobs' starter and the outreach services their orchestrations use.</summary>
public static class SchedulingServices
{
    /// <summary>Adds <see cref="ScheduledJobStarter"/> and the outreach infrastructure.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutreachInfrastructure(configuration);
        services.AddSingleton<ScheduledJobStarter>();
        return services;
    }
}
