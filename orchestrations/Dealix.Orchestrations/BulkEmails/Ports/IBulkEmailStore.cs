using Dealix.Orchestrations.BulkEmails.Contracts;

namespace Dealix.Orchestrations.BulkEmails.Ports;

/// <summary>The <c>BulkEmails</c> and <c>BulkEmailRecipients</c> tables, per tenant.</summary>
public interface IBulkEmailStore
{
    /// <summary>
    /// Stores a bulk e-mail with its recipients: the recipient rows first, the bulk record last, so a bulk record always
    /// has all its rows. A second call with the same bulk writes the same rows again and changes nothing.
    /// </summary>
    Task CreateAsync(BulkEmail bulk, IReadOnlyList<BulkRecipient> recipients, CancellationToken cancellationToken = default);

    /// <summary>The bulk e-mail, or null when this tenant has none with that id.</summary>
    Task<BulkEmail?> GetAsync(string tenantId, string bulkId, CancellationToken cancellationToken = default);

    /// <summary>Records a status change (a final status is never changed again).</summary>
    Task SetStatusAsync(BulkStatusChange change, CancellationToken cancellationToken = default);

    /// <summary>Every recipient row of a bulk e-mail.</summary>
    Task<IReadOnlyList<BulkRecipient>> ListRecipientsAsync(string tenantId, string bulkId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> queued recipients (prospect ids, in id order).</summary>
    Task<IReadOnlyList<string>> ListQueuedAsync(string tenantId, string bulkId, int max, CancellationToken cancellationToken = default);

    /// <summary>One recipient row, or null.</summary>
    Task<BulkRecipient?> GetRecipientAsync(string tenantId, string bulkId, string prospectId, CancellationToken cancellationToken = default);

    /// <summary>Replaces one recipient row.</summary>
    Task SetRecipientAsync(BulkRecipient recipient, CancellationToken cancellationToken = default);
}
