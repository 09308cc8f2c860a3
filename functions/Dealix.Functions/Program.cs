using Dealix.Functions;
using Dealix.Runtime.Hosting;
using Microsoft.Azure.Functions.Worker.Builder; // ConfigureFunctionsWebApplication; its type names clash with our host's, hence the aliases
using Microsoft.Extensions.Hosting;
using WorkerApplication = Microsoft.Azure.Functions.Worker.Builder.FunctionsApplication;
using WorkerApplicationBuilder = Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilder;

// Started by the Azure Functions host (standard isolated deployment, FUNCTIONS_WORKER_RUNTIME=dotnet-isolated): the
// official worker serves the functions over the host's gRPC channel, with Microsoft's Durable extension as the engine.
if (FunctionsHostLaunch.IsLaunchedByFunctionsHost(args))
{
    WorkerApplicationBuilder worker = WorkerApplication.CreateBuilder(args);
    worker.ConfigureFunctionsWebApplication();
    DealixApp.AddServices(worker.Services, worker.Configuration);
    await worker.Build().RunAsync();
    return 0;
}

// Otherwise our own host: `dotnet run --project functions/Dealix.Functions` serves the app on http://localhost:7071;
// `… -- durable <command>` manages the task hub; `… -- generate-function-metadata <folder>` writes function.json files.
return await FunctionsCommandLine.RunAsync(args, DealixApp.Configure);
