using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dealix.Functions.Infrastructure.Tests.Infrastructure;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 (a free port) that speaks just enough of RFC 5321 for a client to deliver one message
/// per connection, records the envelope and the data, and can refuse recipients or drop the connection mid-transfer.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeSmtpServer()
    {
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<SmtpDelivery> Deliveries { get; } = new();

    /// <summary>Answer RCPT TO with 550.</summary>
    public bool RefuseRecipients { get; set; }

    /// <summary>Close the connection after the message data instead of answering it.</summary>
    public bool DropAfterData { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.UTF8);
            var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake.smtp ESMTP");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                string verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-fake.smtp\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 OK");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 fake.smtp");
                        break;
                    case "MAIL":
                        from = line;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        if (RefuseRecipients)
                        {
                            await writer.WriteLineAsync("550 5.1.1 mailbox unavailable");
                        }
                        else
                        {
                            to.Add(line);
                            await writer.WriteLineAsync("250 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        if (DropAfterData)
                        {
                            return;
                        }

                        Deliveries.Enqueue(new SmtpDelivery(from ?? string.Empty, [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }
}
