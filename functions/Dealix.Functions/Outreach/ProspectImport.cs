using System.Text.Json;
using System.Text.Json.Serialization;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;

namespace Dealix.Functions.Outreach;

/// <summary>
/// The body of <c>POST /api/v1/prospects/import</c> and its validation: every prospect must name a valid id, a company,
/// one of the nine sectors, a city and a lawful source (§10.3: customer_upload, form, inbound, public_business_listing,
/// event — an event with its reference); an e-mail or number, when given, must be valid; fits stay in their ranges; a
/// WhatsApp opt-in record (§7.4) is complete. One bad row rejects the whole import (nothing stored).
/// </summary>
public static class ProspectImport
{
    /// <summary>Prospects accepted per call.</summary>
    public const int MaxProspects = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly string[] Sources = ["customer_upload", "form", "inbound", "public_business_listing", "event"];
    private static readonly string[] OptInSources = ["form", "inbound", "event"];

    /// <summary>Parses and validates; returns the prospects, or the reason the import is refused.</summary>
    public static (IReadOnlyList<Prospect>? Prospects, string? Error) Parse(byte[] body, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(body);
        Body? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Body>(body, Json);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not a valid import: {e.Message}");
        }

        if (parsed?.Prospects is not { Count: > 0 } rows)
        {
            return (null, "'prospects' must be a non-empty array.");
        }

        if (rows.Count > MaxProspects)
        {
            return (null, $"At most {MaxProspects} prospects per import.");
        }

        var prospects = new List<Prospect>(rows.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            Row row = rows[i];
            string? error = Validate(row);
            if (error is null && !ids.Add(row.ProspectId!))
            {
                error = "prospect_id appears twice";
            }

            if (error is not null)
            {
                return (null, $"prospects[{i}]: {error}.");
            }

            prospects.Add(new Prospect
            {
                TenantId = tenantId,
                ProspectId = row.ProspectId!,
                CompanyName = row.CompanyName!.Trim(),
                Sector = row.Sector!,
                City = row.City!.Trim(),
                ContactName = row.ContactName?.Trim(),
                RoleOrTitle = row.RoleOrTitle?.Trim(),
                Email = row.Email?.Trim(),
                Phone = row.Phone?.Trim(),
                Source = row.Source!,
                SourceReference = row.SourceReference,
                SourceRecordedAt = row.SourceRecordedAt?.UtcDateTime,
                SectorFit = row.SectorFit ?? 0,
                SignalStrength = row.SignalStrength ?? 0,
                SizeFit = row.SizeFit ?? 0,
                UsesHubSpot = row.UsesHubspot ?? false,
                UsesWhatsApp = row.UsesWhatsapp ?? false,
                LastSignalAt = row.LastSignalAt?.UtcDateTime ?? DateTime.UnixEpoch,
                LastContactedAt = row.LastContactedAt?.UtcDateTime,
                PreviousComplaint = row.PreviousComplaint ?? false,
                SourceFlaggedScrapedOrPurchased = row.SourceFlaggedScrapedOrPurchased ?? false,
                DomainBlocklisted = row.DomainBlocklisted ?? false,
                MarkedDoNotContact = row.MarkedDoNotContact ?? false,
                Bounced = row.Bounced ?? false,
                EmailHasMx = row.EmailHasMx,
                WhatsAppOptIn = row.WhatsappOptIn is { } o ? new WhatsAppOptIn(o.Source!, o.CapturedAt!.Value.UtcDateTime, o.WordingShown!, o.EvidenceRef!) : null,
            });
        }

        return (prospects, null);
    }

    private static string? Validate(Row row) => row switch
    {
        _ when !DealKeys.IsValidKey(row.ProspectId, 64) => "prospect_id is required ([A-Za-z0-9_-], at most 64)",
        _ when string.IsNullOrWhiteSpace(row.CompanyName) || row.CompanyName.Length > 200 => "company_name is required (at most 200 characters)",
        _ when row.Sector is null || !OutreachRules.Sectors.Contains(row.Sector) => $"sector must be one of {string.Join(", ", OutreachRules.Sectors)}",
        _ when string.IsNullOrWhiteSpace(row.City) || row.City.Length > 100 => "city is required",
        _ when row.Source is null || !Sources.Contains(row.Source) => $"source must be one of {string.Join(", ", Sources)} (a lawful, recorded source)",
        _ when row.Source == "event" && string.IsNullOrWhiteSpace(row.SourceReference) => "an event source needs source_reference",
        _ when row.Email is not null && !OutreachRules.IsValidEmail(row.Email.Trim()) => "email is not a valid address",
        _ when row.Phone is not null && !OutreachRules.IsValidPhone(row.Phone) => "phone is not a valid international number",
        _ when row.Email is null && row.Phone is null => "an email or a phone is required",
        _ when row.SectorFit is < 0 or > 25 || row.SignalStrength is < 0 or > 25 || row.SizeFit is < 0 or > 20 =>
            "sector_fit and signal_strength must be 0–25, size_fit 0–20",
        _ when row.ContactName?.Length > 120 || row.RoleOrTitle?.Length > 120 || row.SourceReference?.Length > 200 => "a text field is too long",
        _ when row.WhatsappOptIn is { } o && (o.Source is null || !OptInSources.Contains(o.Source) || o.CapturedAt is null
            || string.IsNullOrWhiteSpace(o.WordingShown) || string.IsNullOrWhiteSpace(o.EvidenceRef)) =>
            "whatsapp_opt_in needs source (form, inbound, event), captured_at, wording_shown and evidence_ref",
        _ when row.WhatsappOptIn is not null && row.Phone is null => "whatsapp_opt_in needs the phone it covers",
        _ => null,
    };

    private sealed class Body
    {
        public List<Row>? Prospects { get; set; }
    }

    private sealed class Row
    {
        public string? ProspectId { get; set; }
        public string? CompanyName { get; set; }
        public string? Sector { get; set; }
        public string? City { get; set; }
        public string? ContactName { get; set; }
        public string? RoleOrTitle { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Source { get; set; }
        public string? SourceReference { get; set; }
        public DateTimeOffset? SourceRecordedAt { get; set; }
        public int? SectorFit { get; set; }
        public int? SignalStrength { get; set; }
        public int? SizeFit { get; set; }
        public bool? UsesHubspot { get; set; }
        public bool? UsesWhatsapp { get; set; }
        public DateTimeOffset? LastSignalAt { get; set; }
        public DateTimeOffset? LastContactedAt { get; set; }
        public bool? PreviousComplaint { get; set; }
        public bool? SourceFlaggedScrapedOrPurchased { get; set; }
        public bool? DomainBlocklisted { get; set; }
        public bool? MarkedDoNotContact { get; set; }
        public bool? Bounced { get; set; }
        public bool? EmailHasMx { get; set; }
        public OptIn? WhatsappOptIn { get; set; }
    }

    private sealed class OptIn
    {
        public string? Source { get; set; }
        public DateTimeOffset? CapturedAt { get; set; }
        public string? WordingShown { get; set; }
        public string? EvidenceRef { get; set; }
    }
}
