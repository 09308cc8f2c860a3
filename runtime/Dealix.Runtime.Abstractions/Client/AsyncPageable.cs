using System.Runtime.CompilerServices;

namespace Dealix.DurableTask.Client;

/// <summary>A paged, asynchronous sequence: enumerate items across pages, or walk the pages.</summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Walks the pages from a continuation token.</summary>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default);

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (Page<T> page in AsPages().WithCancellation(cancellationToken))
        {
            foreach (T item in page.Values)
            {
                yield return item;
            }
        }
    }

}

/// <summary>Builds <see cref="AsyncPageable{T}"/> instances.</summary>
public static class Pageable
{
    /// <summary>Creates a pageable from a page fetcher (token, page size hint, cancellation).</summary>
    public static AsyncPageable<T> Create<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> pageFunc) =>
        new FuncPageable<T>(pageFunc);

    private sealed class FuncPageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> pageFunc) : AsyncPageable<T>
    {
        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default) =>
            Walk(continuationToken, pageSizeHint, CancellationToken.None);

        private async IAsyncEnumerable<Page<T>> Walk(string? token, int? size, [EnumeratorCancellation] CancellationToken cancellation)
        {
            do
            {
                Page<T> page = await pageFunc(token, size, cancellation);
                yield return page;
                token = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(token));
        }
    }
}
