using Dealix.Functions;
using Dealix.Runtime.Hosting;

// `dotnet run --project functions/Dealix.Functions` serves the app on http://localhost:7071;
// `… -- durable <command>` manages the task hub; `… -- generate-function-metadata <folder>` writes function.json files.
return await FunctionsCommandLine.RunAsync(args, DealixApp.Configure);
