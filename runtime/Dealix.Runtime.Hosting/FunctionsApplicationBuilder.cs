using System.Reflection;
using Dealix.Runtime.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting;

/// <summary>
/// Configures a function app before it is built: services, configuration, logging, the assemblies whose
/// <c>[Function]</c> methods are hosted, and class-based durable tasks. Mirrors <c>FunctionsApplicationBuilder</c>.
/// </summary>
public sealed class FunctionsApplicationBuilder
{
    private readonly List<Assembly> _assemblies = [];

    internal FunctionsApplicationBuilder(string[] args, string scriptRoot)
    {
        ScriptRoot = scriptRoot;
        WebApplication = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = scriptRoot,
            ApplicationName = Assembly.GetEntryAssembly()?.GetName().Name,
        });
        FunctionsConfiguration.AddFunctionsFiles(WebApplication.Configuration, scriptRoot);
    }

    /// <summary>The folder holding host.json and local.settings.json.</summary>
    public string ScriptRoot { get; }

    /// <summary>The underlying ASP.NET Core builder.</summary>
    public WebApplicationBuilder WebApplication { get; }

    /// <summary>Services of the app (function classes get theirs by constructor injection).</summary>
    public IServiceCollection Services => WebApplication.Services;

    /// <summary>The configuration (host.json, local.settings.json, environment, command line).</summary>
    public ConfigurationManager Configuration => WebApplication.Configuration;

    /// <summary>Logging.</summary>
    public ILoggingBuilder Logging => WebApplication.Logging;

    /// <summary>Class-based orchestrators and activities; function-based ones are added from the assemblies.</summary>
    public DurableTaskRegistry DurableTasks { get; } = new();

    /// <summary>Assemblies whose <c>[Function]</c> methods this app hosts.</summary>
    public IReadOnlyList<Assembly> FunctionAssemblies => _assemblies;

    /// <summary>Hosts the <c>[Function]</c> methods of <paramref name="assembly"/>.</summary>
    public FunctionsApplicationBuilder AddFunctions(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (!_assemblies.Contains(assembly))
        {
            _assemblies.Add(assembly);
        }

        return this;
    }

    /// <summary>Builds the app: discovers and checks the functions, creates the backend and maps the routes.</summary>
    public FunctionsApplication Build() => FunctionsApplication.Create(this);
}
