using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>
/// Timeouts and retries for provider calls (Polly). A call is retried only when the provider certainly did not take
/// the message: the connection was never established, or it answered 429 (throttled). A timeout or a dropped
/// connection after the request left is not retried: its outcome is unknown and goes to an operator.
/// </summary>
public static class ProviderResilience
{
    /// <summary>The pipeline for HTTP providers: per-attempt timeout, up to <paramref name="attempts"/> safe attempts.</summary>
    public static ResiliencePipeline<HttpResponseMessage> ForHttp(TimeSpan timeout, int attempts = 3, TimeSpan? firstDelay = null) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, attempts - 1),
                Delay = firstDelay ?? TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>(NothingWasSent)
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests),
            })
            .AddTimeout(timeout)
            .Build();

    /// <summary>True when the request never reached the provider (no connection), so a retry cannot duplicate it.</summary>
    public static bool NothingWasSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError;

    /// <summary>Runs an HTTP call through the pipeline and classifies what cannot be answered.</summary>
    /// <remarks>The call wraps its request content with the probe it is given (<see cref="TransmitProbe.Track"/>): a timeout
    /// or a lost connection before any body started is <see cref="SendOutcome.NotSent"/> (nothing reached the provider,
    /// the sender tries again), after it <see cref="SendOutcome.Unknown"/>.</remarks>
    public static async Task<ChannelSendResult> SendAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline, string provider, Func<TransmitProbe, CancellationToken, ValueTask<HttpResponseMessage>> call,
        Func<HttpResponseMessage, Task<ChannelSendResult>> classify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(call);
        var probe = new TransmitProbe();
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(token => call(probe, token), cancellationToken);
        }
        catch (HttpRequestException e) when (NothingWasSent(e))
        {
            return ChannelSendResult.Rejected(provider, "unreachable");
        }
        catch (TimeoutRejectedException)
        {
            return probe.BodyStarted ? ChannelSendResult.Unknown(provider, "timeout") : ChannelSendResult.NotSent(provider, "timeout_before_send");
        }
        catch (HttpRequestException)
        {
            return probe.BodyStarted ? ChannelSendResult.Unknown(provider, "connection_lost") : ChannelSendResult.NotSent(provider, "connection_lost_before_send");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return ChannelSendResult.Rejected(provider, "rate_limited");
            }

            return await classify(response);
        }
    }
}
