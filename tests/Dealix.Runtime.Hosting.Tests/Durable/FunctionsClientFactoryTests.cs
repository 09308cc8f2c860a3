using Dealix.Runtime.Hosting.Durable;

namespace Dealix.Runtime.Hosting.Tests.Durable;

/// <summary>The [DurableClient] a function gets is the Durable extension's own wrapper, as on Azure Functions.</summary>
public sealed class FunctionsClientFactoryTests
{
    [Fact]
    public void ExtensionWrapper_IsFoundInThePinnedDurableExtension()
    {
        // When an upgrade of Microsoft.Azure.Functions.Worker.Extensions.DurableTask changes the wrapper's constructor,
        // this fails first: the extension's helpers would otherwise hand out management URLs without the key.
        Assert.True(FunctionsClientFactory.CanWrap);
    }
}
