namespace Dealix.Runtime.Hosting;

/// <summary>
/// The executable's entry point: with no verb it runs the host; <c>durable …</c> manages the task hub's storage
/// (see <see cref="Cli.DurableCommands"/>); <c>generate-function-metadata FOLDER</c> writes the custom-handler files.
/// </summary>
public static class FunctionsCommandLine
{
    /// <summary>Runs the verb in <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, Action<FunctionsApplicationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configure);
        try
        {
            if (args.Length > 0 && args[0] == "durable")
            {
                return await Cli.DurableCommands.RunAsync(args[1..], configure, Console.Out, Console.Error);
            }

            if (args.Length > 0 && args[0] == "generate-function-metadata")
            {
                return CustomHandler.FunctionMetadataGenerator.Run(args[1..], configure, Console.Out, Console.Error);
            }

            FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
            configure(builder);
            await using FunctionsApplication app = builder.Build();
            await app.RunAsync();
            return 0;
        }
        catch (InvalidOperationException e) when (e.Source is not null)
        {
            // Configuration and discovery problems: say what is wrong and which setting fixes it, without a stack trace.
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
