using System.Net;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>
/// Tells whether a provider request's body ever started towards the provider. A provider acts only on a whole request,
/// so a call that timed out or lost its connection before its body started (a connection that never opened, a request
/// that waited for a pooled connection or for a starved thread pool) certainly sent nothing and may be tried again;
/// once the body started, the outcome is unknown.
/// </summary>
public sealed class TransmitProbe
{
    private int _started;

    /// <summary>True once any tracked body started to be written to a connection.</summary>
    public bool BodyStarted => Volatile.Read(ref _started) == 1;

    /// <summary>Wraps <paramref name="content"/> so that writing it marks the probe.</summary>
    public HttpContent Track(HttpContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new TrackedContent(content, this);
    }

    private sealed class TrackedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly TransmitProbe _probe;

        public TrackedContent(HttpContent inner, TransmitProbe probe)
        {
            _inner = inner;
            _probe = probe;
            foreach (KeyValuePair<string, IEnumerable<string>> header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _probe._started, 1);
            return _inner.CopyToAsync(stream, context, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
