using Dealix.Functions.Infrastructure.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Content;

/// <summary>Registers what the content calendar and the competitive analysis need.</summary>
public static class ContentServices
{
    /// <summary>Adds the content calendar and competitors' content stores and their facts readers.</summary>
    public static IServiceCollection AddContentCalendar(this IServiceCollection services) => services.AddContentInfrastructure();
}
