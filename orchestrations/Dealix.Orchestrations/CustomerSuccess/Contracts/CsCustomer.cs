namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>A customer under a customer-success cadence: the CsCustomers row (tenant = partition).</summary>
// WARNING: persisted in history and storage.
public sealed record CsCustomer(string Tenant, string CustomerId, string Bundle, DateTimeOffset StartedAt, DateOnly RenewalDate, string InstanceId);
