using System.Net.Sockets;
using System.Text.Json;
using Azure;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>The one classification of storage failures, in the shapes Azure.Core really throws them.</summary>
public sealed class StorageFaultsTests
{
    private static readonly TaskCanceledException NetworkTimeout =
        new("The operation was cancelled because it exceeded the configured timeout of 0:00:30.");

    public static TheoryData<string, Exception> Outages => new()
    {
        { "network time-out of one try", NetworkTimeout },
        { "retries exhausted over time-outs", new AggregateException("Retry failed after 4 tries.", NetworkTimeout, NetworkTimeout, NetworkTimeout, NetworkTimeout) },
        { "retries exhausted, mixed", new AggregateException("Retry failed after 4 tries.", NetworkTimeout, new HttpRequestException("reset"), new RequestFailedException(503, "busy")) },
        { "no answer at all (status 0)", new RequestFailedException(0, "no response") },
        { "server busy", new RequestFailedException(503, "busy") },
        { "connection refused", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)) },
        { "socket", new SocketException((int)SocketError.ConnectionReset) },
        { "stream cut", new IOException("unexpected end of stream") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Outages_AreStorageFailures_NotCorruptData(string shape, Exception e)
    {
        Assert.True(StorageFaults.IsStorageFailure(e, CancellationToken.None), shape);
        Assert.False(StorageFaults.IsCorruptData(e), shape);
    }

    [Fact]
    public void Cancellation_IsAStorageFailureOnlyWhileTheCallerIsNotShuttingDown()
    {
        using var shutdown = new CancellationTokenSource();
        Assert.True(StorageFaults.IsStorageFailure(NetworkTimeout, shutdown.Token));
        shutdown.Cancel();
        Assert.False(StorageFaults.IsStorageFailure(NetworkTimeout, shutdown.Token));
        Assert.False(StorageFaults.IsStorageFailure(new AggregateException(NetworkTimeout), shutdown.Token));
    }

    [Fact]
    public void BadData_IsCorrupt_AndNotAnOutage()
    {
        Assert.True(StorageFaults.IsCorruptData(new InvalidDataException("bad gzip header")));
        Assert.True(StorageFaults.IsCorruptData(new JsonException("bad json")));
        Assert.True(StorageFaults.IsCorruptData(new RequestFailedException(404, "BlobNotFound")));
        Assert.False(StorageFaults.IsStorageFailure(new InvalidDataException("bad gzip header"), CancellationToken.None));
        Assert.False(StorageFaults.IsStorageFailure(new JsonException("bad json"), CancellationToken.None));
    }

    [Fact]
    public void Bugs_AreNeitherOutagesNorCorruptData()
    {
        Assert.False(StorageFaults.IsStorageFailure(new ArgumentException("a bug"), CancellationToken.None));
        Assert.False(StorageFaults.IsStorageFailure(new AggregateException(NetworkTimeout, new ArgumentException("a bug")), CancellationToken.None));
        Assert.False(StorageFaults.IsStorageFailure(new AggregateException(), CancellationToken.None));
        Assert.False(StorageFaults.IsCorruptData(new ArgumentException("a bug")));
    }
}
