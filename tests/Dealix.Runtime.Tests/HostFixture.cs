using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dealix.Runtime.Tests;

/// <summary>Shared helpers: a Monday-morning virtual clock and a host factory.</summary>
internal static class HostFixture
{
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    public static Task<DurableTaskTestHost> StartAsync(
        Action<DurableTaskRegistry> tasks,
        Action<IServiceCollection>? services = null,
        FakeTimeProvider? clock = null,
        DurableTaskWorkerOptions? options = null) =>
        DurableTaskTestHost.StartAsync(clock ?? new FakeTimeProvider(MondayMorning), tasks, services, options);
}
