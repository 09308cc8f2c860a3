using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Dealix.Functions.EndToEndTests.Functions;
using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests;

/// <summary>A queue trigger on Azurite: successful messages run once, failing ones end in the poison queue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture azurite)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Orders_GoodMessageRunsOnceAndFailingMessageMovesToPoisonAfterMaxDequeueCount()
    {
        string queueName = "orders-" + Guid.NewGuid().ToString("N")[..8];
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var queue = new QueueClient(azurite.Azurite.ConnectionString, queueName, options);
        var poison = new QueueClient(azurite.Azurite.ConnectionString, queueName + "-poison", options);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("""{"customer":"acme","quantity":2}""");
        await queue.SendMessageAsync("""{"customer":"poison","quantity":1}""");
        OrdersQueue.Received.Clear();

        var settings = new Dictionary<string, string?> { ["AzureWebJobs.Orders.Disabled"] = "false", [OrdersQueue.QueueSetting] = queueName };
        await using (await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Queue" + Guid.NewGuid().ToString("N")[..10]), settings))
        {
            await Eventually.MatchAsync(
                async () => (await poison.ExistsAsync()).Value ? (await poison.PeekMessagesAsync(10)).Value.Length : 0,
                count => count > 0,
                "the failing message to reach the poison queue");
        }

        Assert.Equal([1L], OrdersQueue.Received.Where(r => r.Order.Customer == "acme").Select(r => r.DequeueCount));
        Assert.Equal([1L, 2L, 3L], OrdersQueue.Received.Where(r => r.Order.Customer == "poison").Select(r => r.DequeueCount).Order());
        PeekedMessage[] poisoned = (await poison.PeekMessagesAsync(10)).Value;
        Order moved = JsonSerializer.Deserialize<Order>(poisoned.Single().Body.ToString(), Web)!;
        Assert.Equal(new Order("poison", 1), moved);
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
    }
}
