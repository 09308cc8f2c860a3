namespace Dealix.Conformance.Tests.Engines;

/// <summary>The engines the suite knows; theory rows are these names.</summary>
public static class EngineNames
{
    /// <summary>The reference: Microsoft.DurableTask.InProcessTestHost (DurableTask.Core behind a gRPC sidecar).</summary>
    public const string MicrosoftInProcess = "Microsoft.InProcessTestHost";

    /// <summary>The Dealix engine on its in-memory backend, on the real clock.</summary>
    public const string DealixInMemory = "Dealix.InMemory";

    /// <summary>The Dealix engine on its Azure Storage backend, against Azurite.</summary>
    public const string DealixAzurite = "Dealix.Azurite";

    /// <summary>Microsoft's DurableTask.AzureStorage provider hosted by runtime/Dealix.Runtime.DurableTaskFramework, against Azurite.</summary>
    public const string DtfxAzureStorage = "Microsoft.DtfxAzureStorage";
}
