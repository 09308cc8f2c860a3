using Dealix.Orchestrations.Content.Ports;
using Dealix.Orchestrations.Reports.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.Content;

/// <summary>Registers the content calendar, competitors' content and the facts readers. Needs the deal tables, ledger, ticket and campaign stores.</summary>
public static class ContentInfrastructure
{
    /// <summary>Adds <see cref="IContentCalendarStore"/>, <see cref="ICompetitorContentStore"/>, <see cref="IContentFactsSource"/> and <see cref="IMarketingReportFacts"/>.</summary>
    public static IServiceCollection AddContentInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton<IContentCalendarStore, TableContentCalendarStore>();
        services.TryAddSingleton<ICompetitorContentStore, TableCompetitorContentStore>();
        services.TryAddSingleton<IContentFactsSource, StoreContentFacts>();
        services.TryAddSingleton<IMarketingReportFacts, StoreMarketingReportFacts>();
        return services;
    }
}
