namespace ComplianceBot.Tests.Support;

/// <summary>
/// How tests wait for an outcome: on a signal the product raises (a reload, a log entry, a timer set, a request
/// received), never by sleeping or polling; <see cref="Guard"/> only turns a signal that never comes into a failure
/// instead of a hang.
/// </summary>
public static class Waiting
{
    /// <summary>The longest wait for a signal before the test fails: a guard, not a measure of speed.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    /// <summary>Awaits <paramref name="signal"/>; fails with "<paramref name="what"/> did not happen" (and <paramref name="state"/>) after <see cref="Guard"/>.</summary>
    public static async Task OrFailAsync(this Task signal, string what, Func<string>? state = null)
    {
        try
        {
            await signal.WaitAsync(Guard);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what} did not happen within {Guard.TotalSeconds} s{(state is null ? "" : "; " + state())}");
        }
    }
}
