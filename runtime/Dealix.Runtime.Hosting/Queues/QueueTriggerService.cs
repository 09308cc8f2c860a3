using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Invocation;
using Dealix.Runtime.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Queues;

/// <summary>
/// Polls the queues of the queue-triggered functions. A message is deleted after its function succeeds; a failure
/// makes it visible again after <c>extensions.queues.visibilityTimeout</c>, and the delivery that reaches
/// <c>maxDequeueCount</c> without success moves it to <c>{queue}-poison</c>. Idle polling backs off to
/// <c>maxPollingInterval</c>.
/// </summary>
internal sealed class QueueTriggerService(
    IReadOnlyList<FunctionDescriptor> functions,
    FunctionInvoker invoker,
    IConfiguration configuration,
    FunctionsHostOptions options,
    ILogger<QueueTriggerService> log) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Where(f => f.Kind == FunctionKind.Queue).Select(f => RunAsync(f, stoppingToken)));

    /// <summary>The queue client of a function (the queue name may be <c>%Setting%</c>).</summary>
    public static (QueueClient Queue, QueueClient Poison) Clients(FunctionDescriptor function, IConfiguration configuration)
    {
        string setting = function.Queue!.Connection ?? "AzureWebJobsStorage";
        string connection = configuration[setting] ?? configuration.GetConnectionString(setting)
            ?? throw new InvalidOperationException($"Queue function '{function.Name}' needs the storage connection setting '{setting}', which is not set.");
        string name = function.Queue.QueueName;
        if (name.Length > 2 && name[0] == '%' && name[^1] == '%')
        {
            name = configuration[name[1..^1]] ?? throw new InvalidOperationException($"Queue function '{function.Name}' reads its queue name from setting '{name[1..^1]}', which is not set.");
        }

        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        return (new QueueClient(connection, name.ToLowerInvariant(), clientOptions), new QueueClient(connection, $"{name.ToLowerInvariant()}-poison", clientOptions));
    }

    private async Task RunAsync(FunctionDescriptor function, CancellationToken stop)
    {
        (QueueClient queue, QueueClient poison) = Clients(function, configuration);
        TimeSpan idle = MinPollingInterval;
        TimeSpan lockTime = options.FunctionTimeout is { } timeout && timeout < TimeSpan.FromHours(1) ? timeout + TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(10);
        bool created = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stop);
                    created = true;
                }

                QueueMessage[] messages = (await queue.ReceiveMessagesAsync(options.QueueBatchSize, lockTime, stop)).Value;
                if (messages.Length == 0)
                {
                    await Task.Delay(idle, stop);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, Math.Max(options.QueueMaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                    continue;
                }

                idle = MinPollingInterval;
                await Task.WhenAll(messages.Select(m => ProcessAsync(function, queue, poison, m, stop)));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or InvalidOperationException or System.Net.Http.HttpRequestException)
            {
                Log.QueuePollFailed(log, e, queue.Name);
                try
                {
                    await Task.Delay(options.QueueMaxPollingInterval > TimeSpan.Zero ? options.QueueMaxPollingInterval : TimeSpan.FromSeconds(1), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ProcessAsync(FunctionDescriptor function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stop)
    {
        int max = options.QueueMaxDequeueCount;
        if (message.DequeueCount > max)
        {
            // Delivered more often than allowed without being settled (e.g. the host died mid-run).
            await PoisonAsync(queue, poison, message, stop);
            return;
        }

        try
        {
            string body = QueueBinding.Decode(message.MessageText, options.QueueMessageEncoding)
                ?? throw new TriggerBindingException($"The message is not valid base64 (host.json extensions.queues.messageEncoding is '{options.QueueMessageEncoding}').");
            await invoker.InvokeAsync(function, new InvocationInput
            {
                Trigger = p => QueueBinding.Convert(p, body, message),
                BindingData = QueueBinding.Metadata(message, body),
            }, stop);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: the message becomes visible again when its lock lapses.
        }
        catch (Exception e)
        {
            Log.QueueMessageFailed(log, e, queue.Name, message.MessageId, message.DequeueCount, max);
            if (message.DequeueCount >= max)
            {
                await PoisonAsync(queue, poison, message, stop);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.QueueVisibilityTimeout, cancellationToken: stop);
            }
        }
    }

    private async Task PoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stop)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: stop);
        await poison.SendMessageAsync(message.MessageText, stop);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stop);
        FunctionsTelemetry.PoisonMessages.Add(1, new KeyValuePair<string, object?>("queue", queue.Name));
        Log.QueueMessagePoisoned(log, queue.Name, message.MessageId, poison.Name, message.DequeueCount);
    }
}
