using System.Net.Sockets;
using System.Text.Json;
using Azure;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// The one classification of storage failures used by every loop and every read of stored data. Azure.Core reports an
/// unreachable or frozen service in several shapes: <see cref="RequestFailedException"/> (status 0 when no answer came),
/// <see cref="HttpRequestException"/>/<see cref="IOException"/>/<see cref="SocketException"/>, a
/// <see cref="TaskCanceledException"/> when a try exceeds its network time-out, and after the last retry an
/// <see cref="AggregateException"/> "Retry failed after N tries" over any of these.
/// </summary>
internal static class StorageFaults
{
    /// <summary>
    /// True when <paramref name="e"/> means storage could not be reached or refused the call: retry later. A
    /// cancellation counts only when <paramref name="cancellation"/> (the caller's own token) was not cancelled, i.e.
    /// when it is the SDK's time-out rather than a shutdown.
    /// </summary>
    public static bool IsStorageFailure(Exception e, CancellationToken cancellation) => e switch
    {
        RequestFailedException or HttpRequestException or IOException or TimeoutException or SocketException => true,
        OperationCanceledException => !cancellation.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(i => IsStorageFailure(i, cancellation)),
        _ => false,
    };

    /// <summary>
    /// True when reading stored data failed because the data is bad, not because storage was unavailable: bad gzip or
    /// JSON, or a blob that a committed row refers to is missing (404). Only these make a row corrupt.
    /// </summary>
    public static bool IsCorruptData(Exception e) => e switch
    {
        RequestFailedException failed => failed.Status == 404,
        InvalidDataException or JsonException or NotSupportedException or InvalidOperationException => true,
        _ => false,
    };
}
