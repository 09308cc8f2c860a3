namespace Dealix.Functions.EndToEndTests.Infrastructure;

/// <summary>Bounded waiting for an outcome (the bound is a deadlock guard, not a performance assertion).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(90);

    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? bound = null)
    {
        DateTime deadline = DateTime.UtcNow + (bound ?? DefaultBound);
        T last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}; last observation: {last}");
            }

            await Task.Delay(200);
            last = await probe();
        }

        return last;
    }
}
