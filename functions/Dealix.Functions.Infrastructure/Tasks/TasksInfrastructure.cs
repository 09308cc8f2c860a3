using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Infrastructure.Tasks;

/// <summary>Registers the human-task store and desk (issue 12 item 4) on the deal area's tables.</summary>
public static class TasksInfrastructure
{
    /// <summary>Adds <see cref="IHumanTaskStore"/> and <see cref="HumanTaskDesk"/>; needs the <see cref="DealTables"/> of <c>AddDealsInfrastructure</c>.</summary>
    public static IServiceCollection AddHumanTaskStore(this IServiceCollection services)
    {
        services.AddSingleton<IHumanTaskStore, TableHumanTaskStore>();
        services.AddSingleton<HumanTaskDesk>();
        return services;
    }
}
