using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.EndToEndTests.Functions;

/// <summary>A queue function that records what it received; an order for "poison" always fails.</summary>
public static class OrdersQueue
{
    public const string Name = "Orders";
    public const string QueueSetting = "OrdersQueueName";

    public static ConcurrentQueue<(Order Order, long DequeueCount)> Received { get; } = new();

    [Function(Name)]
    public static void Run([QueueTrigger("%" + QueueSetting + "%")] Order order, long dequeueCount)
    {
        Received.Enqueue((order, dequeueCount));
        if (order.Customer == "poison")
        {
            throw new InvalidOperationException("This order always fails.");
        }
    }
}

public sealed record Order(string Customer, int Quantity);
