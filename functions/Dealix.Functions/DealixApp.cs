using Dealix.Functions.Infrastructure;
using Dealix.Runtime.Hosting;

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
        builder.Services.AddDealsInfrastructure(builder.Configuration);
    }
}
