using Azure.Data.Tables;
using Azure.Storage.Queues;
using Dealix.Functions.Infrastructure.Approvals;
using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure;

/// <summary>Registers the deal area's ports, channel adapters, outbox sender and approval tokens.</summary>
public static class DealsInfrastructure
{
    /// <summary>The setting holding the storage connection string (Azurite locally).</summary>
    public const string StorageConnectionSetting = "AzureWebJobsStorage";

    /// <summary>Adds everything the deal workflow and its entry points need, bound to configuration.</summary>
    public static IServiceCollection AddDealsInfrastructure(this IServiceCollection services, IConfiguration configuration, string tablePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<ApprovalOptions>(configuration.GetSection(ApprovalOptions.Section));
        services.Configure<WhatsAppOptions>(configuration.GetSection(WhatsAppOptions.Section));
        services.Configure<UltramsgOptions>(configuration.GetSection(UltramsgOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<UnifonicOptions>(configuration.GetSection(UnifonicOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));

        services.AddSingleton(_ => new DealTables(new TableServiceClient(ConnectionString(configuration)), tablePrefix));
        services.AddSingleton<TableDraftStore>().AddSingleton<IDraftStore>(sp => sp.GetRequiredService<TableDraftStore>());
        services.AddSingleton<IAuditLedger, TableAuditLedger>();
        services.AddSingleton<ISuppressionList, TableSuppressionList>();
        services.AddSingleton<IEvidencePackStore, TableEvidencePackStore>();
        services.AddSingleton<IKillSwitch, TableKillSwitch>();
        services.AddSingleton<IOperatorNotifier, TableOperatorNotifier>();
        services.AddSingleton<IDealSettings, ConfigurationDealSettings>();
        services.AddSingleton<ICallbackTokenLedger, TableCallbackTokenLedger>();
        services.AddSingleton<IInboundDeduplicator, TableInboundDeduplicator>();
        services.AddSingleton<IReplyClassifier>(_ => new ReplyClassifierAdapter());
        services.AddSingleton<IDealStageRules>(DealTransitionTable.Instance);
        services.AddSingleton<IOutbox>(sp => new StorageQueueOutbox(new QueueClient(
            ConnectionString(configuration), sp.GetRequiredService<IOptions<OutboxOptions>>().Value.QueueName,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));

        services.AddHttpClient("providers");
        services.AddSingleton<IChannelAdapter>(sp => new UltramsgAdapter(Client(sp), sp.GetRequiredService<IOptions<UltramsgOptions>>()));
        services.AddSingleton<IChannelAdapter>(sp => new WhatsAppCloudAdapter(Client(sp), sp.GetRequiredService<IOptions<WhatsAppOptions>>()));
        services.AddSingleton<IChannelAdapter>(sp => new SmtpEmailAdapter(sp.GetRequiredService<IOptions<SmtpOptions>>()));
        services.AddSingleton<IChannelAdapter>(sp => new UnifonicSmsAdapter(Client(sp), sp.GetRequiredService<IOptions<UnifonicOptions>>()));
        services.AddSingleton<ChannelRouter>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxRecovery>();
        services.AddSingleton<CallbackTokens>();
        services.AddSingleton<DraftDecisions>();
        services.AddSingleton<DealInbox>();
        OperatorConsole.OperatorConsoleInfrastructure.AddOperatorConsoleStores(services);
        services.AddHostedService<ReplyClassifierWarmup>();
        Tasks.TasksInfrastructure.AddHumanTaskStore(services);
        return services;
    }

    private static HttpClient Client(IServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient("providers");

    private static string ConnectionString(IConfiguration configuration) =>
        configuration[StorageConnectionSetting] ?? configuration[$"Values:{StorageConnectionSetting}"]
        ?? throw new InvalidOperationException($"The setting {StorageConnectionSetting} is missing: the deal stores need a storage account (Azurite locally).");
}
