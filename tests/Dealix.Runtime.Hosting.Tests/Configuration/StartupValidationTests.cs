using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Tests.Configuration;

/// <summary>A host that cannot work refuses to start and says why, instead of failing later in the background.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void Build_QueueFunctionWithoutStorage_NamesTheMissingSetting()
    {
        string root = Path.Combine(Path.GetTempPath(), "dealix-host-startup-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "host.json"), """{ "version": "2.0", "extensions": { "durableTask": { "storageProvider": { "type": "InMemory" } } } }""");
        try
        {
            FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder([], root);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = null });
            builder.AddFunctions(typeof(TestFunctions).Assembly);

            var error = Assert.Throws<InvalidOperationException>(() => builder.Build());

            Assert.Contains("Queue function 'QueueTrigger' needs the storage connection setting 'AzureWebJobsStorage'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
