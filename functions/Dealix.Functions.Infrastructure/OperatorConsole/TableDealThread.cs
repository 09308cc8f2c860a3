using System.Globalization;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.OperatorConsole;

/// <summary>One message of a deal's conversation as the console shows it (inbound from the contact, or a sent draft).</summary>
public sealed record ThreadMessage(string MessageId, string Direction, MessageChannel Channel, string Text, DateTime At, string? CorrelationId);

/// <summary>The inbound side of each deal's conversation (§4.5 decision support, the deal timeline).</summary>
public interface IDealThread
{
    /// <summary>Records an inbound message of <paramref name="dealInstanceId"/> (idempotent per provider message id).</summary>
    Task RecordInboundAsync(string dealInstanceId, InboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>The inbound messages of one deal of <paramref name="tenantId"/>, oldest first (at most the newest <paramref name="max"/>).</summary>
    Task<IReadOnlyList<ThreadMessage>> ListInboundAsync(string tenantId, string dealInstanceId, int max = 50, CancellationToken cancellationToken = default);
}

/// <summary>
/// The inbound side of each deal's conversation in the <c>DealMessages</c> table (partition = tenant, row =
/// <c>{sha256(deal)}|{ticks}|{sha256(message id)[..16]}</c>, so a deal's messages are one ordered row range). Written by
/// the inbox before the message is handed to its deal, so what the deal answers is on record; a redelivery rewrites
/// the same row. Read by the console's decision support (§4.5: the last messages of the thread) and the deal
/// timeline. Message texts are personal data: kept here and in the drafts only, never logged or put on the ledger.
/// </summary>
public sealed class TableDealThread(DealTables tables) : IDealThread
{
    private const string Table = "DealMessages";

    /// <summary>
    /// The most of a message's text kept on the thread (an e-mail body may be far longer than a table property's 32K
    /// characters, and a write that can never succeed would refuse the message at every redelivery). The deal itself
    /// gets the whole text; the thread is for reading at a glance.
    /// </summary>
    public const int MaxStoredTextLength = 4000;

    public async Task RecordInboundAsync(string dealInstanceId, InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        TableClient table = await tables.GetAsync(Table);
        DateTime at = DateTime.SpecifyKind(message.ReceivedAt, DateTimeKind.Utc);
        string row = $"{Prefix(dealInstanceId)}{at.Ticks.ToString("D19", CultureInfo.InvariantCulture)}|{DealTables.HashKey(message.ProviderMessageId)[..16]}";
        await table.UpsertEntityAsync(new TableEntity(message.TenantId, row)
        {
            ["DealInstanceId"] = dealInstanceId,
            ["MessageId"] = message.ProviderMessageId,
            ["Channel"] = message.Channel.ToString(),
            ["Text"] = Shorten(message.Text),
            ["Truncated"] = message.Text is { Length: > MaxStoredTextLength },
            ["At"] = at,
            ["CorrelationId"] = message.CorrelationId,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ThreadMessage>> ListInboundAsync(string tenantId, string dealInstanceId, int max = 50, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        string from = Prefix(dealInstanceId);
        string to = from[..^1] + "}"; // '|' + 1: the end of this deal's row range
        var messages = new List<ThreadMessage>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            // The range is of this deal's hash; the stored deal id is compared too, so a hash prefix can never leak another deal.
            if (!string.Equals(row.GetString("DealInstanceId"), dealInstanceId, StringComparison.Ordinal))
            {
                continue;
            }

            messages.Add(new ThreadMessage(
                row.GetString("MessageId") ?? string.Empty,
                "inbound",
                Enum.TryParse(row.GetString("Channel"), out MessageChannel channel) ? channel : MessageChannel.WhatsApp,
                row.GetString("Text") ?? string.Empty,
                row.GetDateTime("At") ?? row.Timestamp?.UtcDateTime ?? default,
                row.GetString("CorrelationId")));
        }

        return [.. messages.OrderBy(m => m.At).TakeLast(Math.Max(1, max))];
    }

    private static string? Shorten(string? text) =>
        text is { Length: > MaxStoredTextLength }
            ? text[..(char.IsHighSurrogate(text[MaxStoredTextLength - 1]) ? MaxStoredTextLength - 1 : MaxStoredTextLength)] + "…"
            : text;

    private static string Prefix(string dealInstanceId) => DealTables.HashKey(dealInstanceId) + "|";
}
