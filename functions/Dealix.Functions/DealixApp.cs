using Dealix.Functions.Infrastructure;
using Dealix.Functions.Infrastructure.CustomerSuccess;
using Dealix.Functions.Infrastructure.DealConnectors;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Support;
using Dealix.Functions.Reports;
using Dealix.Functions.Scheduling;
using Dealix.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions;

/// <summary>The app's composition: its functions, its durable tasks and its services. Tests build the same app.</summary>
public static class DealixApp
{
    /// <summary>Adds everything the app hosts to <paramref name="builder"/>.</summary>
    public static void Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Orchestrators and activities are [Function]s of this assembly too (Deals/DealOrchestrationFunctions.cs,
        // Samples/HelloCitiesFunctions.cs), as the Functions host needs them: one list for both hosts.
        builder.AddFunctions(typeof(DealixApp).Assembly);
        AddServices(builder.Services, builder.Configuration);
    }

    /// <summary>
    /// The app's own services, the same under our host and under the official worker (Program.cs picks the host).
    /// </summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDealsInfrastructure(configuration);
        services.AddCustomerSuccessInfrastructure(configuration);
        services.AddSupportInfrastructure(configuration);
        services.AddOperatorAlerts(configuration);
        services.AddOnboardingInfrastructure(configuration);
        services.AddSingleton<Deals.OperatorKeys>();
        services.AddScheduledJobs(configuration);
        services.AddIncidentsInfrastructure();
        services.AddReports();
        services.AddDealConnectors(configuration);
        SelfImprovement.LoopsServices.AddSelfImprovementLoops(services, configuration);
        OperationsLoop.OperationsLoopServices.AddOperationsLoop(services);
        Content.ContentServices.AddContentCalendar(services);
        BulkEmails.BulkEmailServices.AddBulkEmails(services);
    }
}
