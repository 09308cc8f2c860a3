namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>
/// A lead the tenant may prospect (§10.1 inputs, §10.3 facts): the company, the person, where the data came from, the
/// signals and fits that score it, and the WhatsApp opt-in record of §7.4 when there is one. Stored in the
/// <c>Prospects</c> table (tenant = partition, prospect id = row). Personal data (name, e-mail, number) is never logged.
/// </summary>
// WARNING: persisted in storage and in history (activity outputs carry ids only, never this record).
public sealed record Prospect
{
    public required string TenantId { get; init; }
    public required string ProspectId { get; init; }
    public required string CompanyName { get; init; }

    /// <summary>One of the nine sector ids of §10.1.</summary>
    public required string Sector { get; init; }
    public required string City { get; init; }
    public string? ContactName { get; init; }
    public string? RoleOrTitle { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>The lawful source (§10.3): customer_upload, form, inbound, public_business_listing or event.</summary>
    public required string Source { get; init; }
    public string? SourceReference { get; init; }
    public DateTime? SourceRecordedAt { get; init; }

    /// <summary>0–25.</summary>
    public int SectorFit { get; init; }

    /// <summary>0–25: CRM or WhatsApp use, sales hiring, recent ads.</summary>
    public int SignalStrength { get; init; }

    /// <summary>0–20.</summary>
    public int SizeFit { get; init; }
    public bool UsesHubSpot { get; init; }
    public bool UsesWhatsApp { get; init; }
    public DateTime LastSignalAt { get; init; }
    public DateTime? LastContactedAt { get; init; }
    public bool PreviousComplaint { get; init; }
    public bool SourceFlaggedScrapedOrPurchased { get; init; }
    public bool DomainBlocklisted { get; init; }
    public bool MarkedDoNotContact { get; init; }
    public bool Bounced { get; init; }
    public bool? EmailHasMx { get; init; }
    public WhatsAppOptIn? WhatsAppOptIn { get; init; }
}

/// <summary>The WhatsApp opt-in record of §7.4: how (form, inbound, event), when, the wording shown and the evidence.</summary>
// WARNING: persisted in storage.
public sealed record WhatsAppOptIn(string Source, DateTime CapturedAt, string WordingShown, string EvidenceRef);
