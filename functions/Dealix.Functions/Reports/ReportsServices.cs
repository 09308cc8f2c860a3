using Dealix.Functions.Infrastructure.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Reports;

/// <summary>Registers what the report jobs and routes need.</summary>
public static class ReportsServices
{
    /// <summary>Adds the report store, facts reader and links.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddReportsInfrastructure();
}
