using System.Text.Json;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dealix.Functions.Infrastructure.Tests.Notifications;

/// <summary>
/// Operator alerts wired as in the app, over a real Azurite (own table prefix), a loopback SMTP server and a loopback
/// HTTP provider that stands for both the Graph API and the team-chat webhook receiver; the delivery queue is a list
/// the test drains by hand.
/// </summary>
internal sealed class AlertRig : IAsyncDisposable
{
    public const string WebhookSecret = "team-chat-secret-0123456789";
    public static readonly DateTimeOffset At = new(2026, 12, 4, 6, 0, 0, TimeSpan.Zero);

    private AlertRig(Azurite azurite, FakeSmtpServer smtp, FakeProvider http, IDictionary<string, string?> extra)
    {
        Smtp = smtp;
        Http = http;
        var settings = new Dictionary<string, string?>
        {
            ["Operators:Contacts:founder:Tenant"] = "*",
            ["Operators:Contacts:founder:Role"] = "founder",
            ["Operators:Contacts:founder:Email"] = "founder@dealix.example",
            ["Operators:Contacts:founder:WhatsApp"] = "+966500000001",
            ["Operators:Contacts:lead:Tenant"] = "acme",
            ["Operators:Contacts:lead:Role"] = "team_lead",
            ["Operators:Contacts:lead:WhatsApp"] = "966500000002",
            ["Operators:Webhooks:chat:Tenant"] = "acme",
            ["Operators:Webhooks:chat:Url"] = http.BaseUrl + "/hooks/team-chat",
            ["Operators:Webhooks:chat:Secret"] = WebhookSecret,
            ["Operators:LiveSend:Email"] = "true",
            ["Operators:LiveSend:WhatsApp"] = "true",
            ["Operators:LiveSend:Webhook"] = "true",
        };
        foreach ((string key, string? value) in extra)
        {
            settings[key] = value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Tables = new DealTables(new TableServiceClient(azurite.ConnectionString), "n" + Guid.NewGuid().ToString("N")[..10]);
        Store = new OperatorAlertStore(Tables);
        Directory = new OperatorDirectory(Configuration);
        Service = new OperatorAlertService(Store, Directory, Queue, Clock, NullLogger<OperatorAlertService>.Instance);
        var router = new ChannelRouter([
            new SmtpEmailAdapter(Options.Create(new SmtpOptions
            {
                Host = "127.0.0.1", Port = smtp.Port, Security = "None", FromAddress = "alerts@dealix.example", Timeout = TimeSpan.FromSeconds(5),
            })),
            new WhatsAppCloudAdapter(new HttpClient(), Options.Create(new WhatsAppOptions
            {
                GraphBaseUrl = http.BaseUrl, GraphVersion = "v23.0", PhoneNumberId = "106540352242922", AccessToken = "graph-token",
                Timeout = TimeSpan.FromSeconds(5),
            })),
        ]);
        Dispatcher = new OperatorAlertDispatcher(Store, Directory, Queue, router, new OperatorWebhookSender(new HttpClient(), Clock),
            Options.Create(new OperatorAlertOptions { MaxAttempts = 2, RetryDelay = TimeSpan.FromSeconds(30) }), Clock,
            NullLogger<OperatorAlertDispatcher>.Instance);
    }

    public FakeSmtpServer Smtp { get; }

    public FakeProvider Http { get; }

    public IConfiguration Configuration { get; }

    public FakeTimeProvider Clock { get; } = new(At);

    public ListQueue Queue { get; } = new();

    public DealTables Tables { get; }

    public OperatorAlertStore Store { get; }

    public OperatorDirectory Directory { get; }

    public OperatorAlertService Service { get; }

    public OperatorAlertDispatcher Dispatcher { get; }

    public static async Task<AlertRig> StartAsync(Azurite azurite, IDictionary<string, string?>? settings = null)
    {
        FakeProvider http = await FakeProvider.StartAsync();
        http.Answer(200, """{"messaging_product":"whatsapp","messages":[{"id":"wamid.ALERT1"}]}""");
        return new AlertRig(azurite, new FakeSmtpServer(), http, settings ?? new Dictionary<string, string?>());
    }

    /// <summary>Delivers every queued message (including redeliveries the test queued itself) once, in order.</summary>
    public async Task<List<string?>> DrainAsync()
    {
        var states = new List<string?>();
        while (Queue.Messages.TryDequeue(out (AlertDeliveryMessage Message, TimeSpan? Delay) next))
        {
            states.Add(await Dispatcher.DeliverAsync(next.Message));
        }

        return states;
    }

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Http.DisposeAsync();
    }

    /// <summary>The queue as a list; <see cref="Sent"/> keeps everything ever queued.</summary>
    internal sealed class ListQueue : IAlertDeliveries
    {
        public Queue<(AlertDeliveryMessage Message, TimeSpan? Delay)> Messages { get; } = new();

        public List<(AlertDeliveryMessage Message, TimeSpan? Delay)> Sent { get; } = [];

        public Task EnqueueAsync(AlertDeliveryMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        {
            // The queue's wire shape round-trips.
            AlertDeliveryMessage wire = JsonSerializer.Deserialize<AlertDeliveryMessage>(JsonSerializer.Serialize(message, StoredJson.Options), StoredJson.Options)!;
            Messages.Enqueue((wire, delay));
            Sent.Add((wire, delay));
            return Task.CompletedTask;
        }
    }
}
