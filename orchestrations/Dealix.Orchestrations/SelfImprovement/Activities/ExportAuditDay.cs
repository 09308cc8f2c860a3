using System.Globalization;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement.Activities;

/// <summary>Writes the tenant's audit files of one UTC day (<c>yyyy-MM-dd</c>) from its ledger; returns the line count.</summary>
[DurableTask(Name)]
public sealed class ExportAuditDay(IAuditLedger ledger, IAuditExportStore exports) : TaskActivity<AuditExportInput, int>
{
    public const string Name = "ExportAuditDay";

    public override async Task<int> RunAsync(TaskActivityContext context, AuditExportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateOnly day = DateOnly.ParseExact(input.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        IReadOnlyList<IReadOnlyList<object?>> rows = AuditExport.Rows(await ledger.ListAsync(input.TenantId), day);
        await exports.WriteAsync(input.TenantId, day, AuditExport.JsonLines(rows), AuditExport.Csv(rows));
        return rows.Count;
    }
}

/// <summary>Input of <see cref="ExportAuditDay"/>.</summary>
// WARNING: persisted in history.
public sealed record AuditExportInput(string TenantId, string Day);
