using System.Net;
using Azure.Storage.Blobs;
using Dealix.Runtime.Backend;
using Dealix.Runtime.DurableTaskFramework;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.CustomHandler;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Durable;
using Dealix.Runtime.Hosting.Http;
using Dealix.Runtime.Hosting.Invocation;
using Dealix.Runtime.Hosting.Management;
using Dealix.Runtime.Hosting.Queues;
using Dealix.Runtime.Hosting.Telemetry;
using Dealix.Runtime.Hosting.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dealix.Runtime.Hosting;

/// <summary>
/// A function app: one ASP.NET Core process that serves the HTTP functions under the route prefix and the Durable
/// Task management API, runs the timer and queue triggers and the durable worker, on the task hub host.json names:
/// the Dealix engine (<c>storageProvider.type</c> <c>Dealix</c> or <c>InMemory</c>) or Microsoft's
/// (<c>AzureStorage</c>, through <see cref="DtfxWorkerHost"/> and <see cref="DtfxDurableTaskClient"/>).
/// </summary>
public sealed class FunctionsApplication : IAsyncDisposable
{
    private FunctionsApplication(WebApplication app, FunctionsHostOptions options, IReadOnlyList<FunctionDescriptor> functions)
    {
        App = app;
        Options = options;
        Functions = functions;
    }

    /// <summary>The ASP.NET Core app.</summary>
    public WebApplication App { get; }

    /// <summary>The host settings in effect.</summary>
    public FunctionsHostOptions Options { get; }

    /// <summary>The hosted functions (disabled ones excluded).</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>Starts a builder reading host.json and local.settings.json from the script root (see <see cref="FunctionsConfiguration.FindScriptRoot"/>).</summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FunctionsApplicationBuilder(args, FunctionsConfiguration.FindScriptRoot(args));
    }

    /// <summary>Starts a builder on an explicit script root.</summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args, string scriptRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FunctionsApplicationBuilder(args, Path.GetFullPath(scriptRoot));
    }

    /// <summary>Starts serving.</summary>
    public Task StartAsync(CancellationToken cancellation = default) => App.StartAsync(cancellation);

    /// <summary>Stops: the listeners, the triggers, then the durable worker.</summary>
    public Task StopAsync(CancellationToken cancellation = default) => App.StopAsync(cancellation);

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM), then stops gracefully.</summary>
    public async Task RunAsync()
    {
        await App.StartAsync();
        await App.WaitForShutdownAsync();
    }

    /// <summary>
    /// Releases the app. The backend is released first and on its own: when storage is already gone (Azurite stopped
    /// before the host) its lease hand-back fails, which must not crash the shutdown; the leases then simply expire.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (App.Services.GetService<IOrchestrationBackend>() is { } backend)
            {
                await backend.DisposeAsync();
            }
        }
        catch (Exception e)
        {
            Log.BackendReleaseFailed(App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Host.Shutdown"), e);
        }

        await App.DisposeAsync();
    }

    internal static FunctionsApplication Create(FunctionsApplicationBuilder builder)
    {
        FunctionsHostOptions options = FunctionsHostOptions.From(builder.Configuration);
        IReadOnlyList<FunctionDescriptor> all = FunctionCatalog.Discover(builder.FunctionAssemblies);
        var functions = all.Where(f => !IsDisabled(builder.Configuration, f)).ToList();
        // The app's class-based tasks (official registry) and its function-based ones ([OrchestrationTrigger] and
        // [ActivityTrigger] methods) run side by side on one catalog.
        TaskCatalog catalog = builder.BuildTaskCatalog(all);
        CheckTriggers(functions, builder.Configuration, options);

        IServiceCollection services = builder.Services;
        builder.Logging.AddConfiguration(builder.Configuration.GetSection($"{FunctionsConfiguration.HostJsonSection}:logging"));
        services.AddProblemDetails();
        services.AddSingleton(options);
        services.AddSingleton<IReadOnlyList<FunctionDescriptor>>(functions);
        services.AddSingleton(catalog);
        services.AddSingleton<HostKeys>();
        services.AddSingleton<ManagementUrls>();
        services.AddSingleton<FunctionInvoker>();
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<WorkerOptions>, WorkerSerializerSetup>());
        services.AddSingleton(TimeProvider.System);
        if (options.IsAzureStorageProvider)
        {
            // Microsoft's engine runs the same catalog; its client is the one functions, services, the management
            // API and the CLI use. No Dealix backend exists then, so engine-only features answer "not supported".
            DtfxOptions dtfx = BackendFactory.DtfxOptionsFor(options);
            services.AddSingleton(sp => new DtfxWorkerService(
                new DtfxWorkerHost(
                    dtfx, catalog.Orchestrators, catalog.Activities, sp, sp.GetRequiredService<ILoggerFactory>(),
                    // The payload format of the Dealix engine and of the Functions worker (web defaults: camelCase,
                    // case-insensitive), so the same app reads the same inputs, events and custom status on either.
                    WebJsonDataConverter.Default),
                sp.GetRequiredService<ILogger<DtfxWorkerService>>()));
            services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<DtfxWorkerService>().Engine.Client);
            services.AddHostedService(sp => sp.GetRequiredService<DtfxWorkerService>());
        }
        else
        {
            services.AddSingleton(sp => BackendFactory.Create(options, sp.GetRequiredService<ILoggerFactory>()));
            services.AddSingleton(sp => new BackendDurableTaskClient(sp.GetRequiredService<IOrchestrationBackend>(), sp.GetRequiredService<TaskCatalog>()));
            services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<BackendDurableTaskClient>());
            services.AddHostedService<DurableWorkerService>();
        }

        services.AddSingleton<DurableManagementApi>();
        services.AddSingleton<IScheduleMonitor>(_ => BackendFactory.IsInMemory(options)
            ? new InMemoryScheduleMonitor()
            : new BlobScheduleMonitor(new BlobContainerClient(options.ConnectionString, BlobScheduleMonitor.ContainerName), options.HostId));
        services.AddSingleton<ITimerLock>(_ => BackendFactory.IsInMemory(options)
            ? new ProcessTimerLock()
            : new BlobTimerLock(new BlobContainerClient(options.ConnectionString, BlobScheduleMonitor.ContainerName), options.HostId));
        if (!options.IsCustomHandler)
        {
            // Behind the Functions host, the host runs the timers and polls the queues and invokes this process.
            services.AddHostedService<TimerTriggerService>();
            services.AddHostedService<QueueTriggerService>();
        }

        TelemetrySetup.Add(services, builder.Configuration, builder.WebApplication.Environment.ApplicationName ?? "Dealix.Functions");

        builder.WebApplication.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
            if (options.ListenAnyIP)
            {
                kestrel.ListenAnyIP(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
            }
        });

        string[] origins = [.. (builder.Configuration["Host:CORS"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        bool credentials = bool.TryParse(builder.Configuration["Host:CORSCredentials"], out bool allow) && allow;
        if (origins.Length > 0)
        {
            // local.settings.json Host.CORS / Host.CORSCredentials, as func start applies them.
            services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            {
                if (origins.Contains("*"))
                {
                    policy.SetIsOriginAllowed(_ => true);
                }
                else
                {
                    policy.WithOrigins(origins);
                }

                policy.AllowAnyHeader().AllowAnyMethod();
                if (credentials)
                {
                    policy.AllowCredentials();
                }
            }));
        }

        WebApplication app = builder.WebApplication.Build();
        if (origins.Length > 0)
        {
            app.UseCors();
        }

        HttpFunctionEndpoints.Map(app, functions, options);
        DurableManagementApi.Map(app, ManagementUrls.BasePath);
        if (options.IsCustomHandler)
        {
            CustomHandlerEndpoints.Map(app, functions);
        }

        if (options.IsCustomHandler && !string.IsNullOrEmpty(options.RoutePrefix))
        {
            // Behind the Functions host only function routes reach this process: the API is also served below the
            // route prefix, where the generated proxy function forwards it.
            DurableManagementApi.Map(app, $"/{options.RoutePrefix}{ManagementUrls.BasePath}");
        }

        ILogger log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Host.Startup");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (FunctionDescriptor function in functions)
            {
                string kind = function.Kind.ToString();
                string detail = Describe(function, options);
                Log.FunctionMapped(log, function.Name, kind, detail);
            }

            string urls = string.Join(", ", app.Urls);
            Log.HostStarted(log, functions.Count, options.HubName, options.StorageType, urls);
            HostKeys keys = app.Services.GetRequiredService<HostKeys>();
            if (!keys.HasSystemKey)
            {
                Log.KeyMissing(log, "system", "Keys__System");
            }
        });
        return new FunctionsApplication(app, options, functions);
    }

    /// <summary>Refuses to start with a schedule or queue setting that cannot work, naming each problem.</summary>
    private static void CheckTriggers(IReadOnlyList<FunctionDescriptor> functions, ConfigurationManager configuration, FunctionsHostOptions options)
    {
        var problems = new List<string>();
        foreach (FunctionDescriptor function in functions)
        {
            try
            {
                if (function.Kind == FunctionKind.Timer)
                {
                    TimerSchedule.Parse(function.Name, function.Timer!.Schedule, configuration, options.TimeZone);
                }
                else if (function.Kind == FunctionKind.Queue && !options.IsCustomHandler)
                {
                    QueueTriggerService.Clients(function, configuration);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The triggers cannot start:\n- " + string.Join("\n- ", problems));
        }
    }

    private static bool IsDisabled(ConfigurationManager configuration, FunctionDescriptor function) =>
        function.Kind is FunctionKind.Http or FunctionKind.Timer or FunctionKind.Queue
        && bool.TryParse(configuration[$"AzureWebJobs.{function.Name}.Disabled"], out bool disabled) && disabled;

    private static string Describe(FunctionDescriptor function, FunctionsHostOptions options) => function.Kind switch
    {
        FunctionKind.Http => $"[{string.Join(",", function.Http!.Methods ?? ["*"])}] http://localhost:{options.Port}{HttpFunctionEndpoints.RouteOf(function, options)} ({function.Http.AuthLevel})",
        FunctionKind.Timer => function.Timer!.Schedule,
        FunctionKind.Queue => function.Queue!.QueueName,
        _ => function.EntryPoint,
    };
}
