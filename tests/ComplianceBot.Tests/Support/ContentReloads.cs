using ComplianceBot.Content;
using Microsoft.Extensions.Primitives;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// Waits for the content store to reach a state through the signal it raises after every load attempt
/// (<see cref="ContentStore.GetReloadToken"/>), never by sleeping or polling. Tests move a fake clock to make the
/// watcher look (see <see cref="ContentWatcher"/>), then wait here.
/// </summary>
public static class ContentReloads
{
    /// <summary>
    /// Returns once <paramref name="reached"/> holds: at once if it already does, else after the load attempt that
    /// makes it hold. Fails naming <paramref name="what"/> and the last load attempt when none does within <see cref="Waiting.Guard"/>.
    /// </summary>
    public static async Task UntilAsync(this ContentStore store, string what, Func<ContentStore, bool> reached)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (ChangeToken.OnChange(store.GetReloadToken, () => Check(store, reached, done)))
        {
            Check(store, reached, done);
            await done.Task.OrFailAsync("A reload leading to " + what, () => "last load: " + (store.LastResult is { } last
                ? $"{(last.Content is null ? "failed" : "succeeded")}, version {last.Version.ShortHash}, errors: {string.Join("; ", store.LastErrors)}"
                : "none"));
        }
    }

    /// <summary>The last load failed with an error containing <paramref name="text"/>.</summary>
    public static Func<ContentStore, bool> FailedWith(string text) =>
        store => store.LastResult is { Content: null } && store.LastErrors.Any(e => e.ToString().Contains(text, StringComparison.Ordinal));

    /// <summary>The last load succeeded and serves content other than the version whose hash is <paramref name="hash"/>.</summary>
    public static Func<ContentStore, bool> LoadedOtherThan(string hash) =>
        store => store.LastResult is { Content: not null } && store.Current.Snapshot.Version.Hash != hash;

    private static void Check(ContentStore store, Func<ContentStore, bool> reached, TaskCompletionSource done)
    {
        try
        {
            if (reached(store))
            {
                done.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            done.TrySetException(ex);
        }
    }
}
