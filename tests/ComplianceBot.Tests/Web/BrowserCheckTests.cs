using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Web;

/// <summary>Without a usable Chromium the chat page tests fail with what is missing and how to get it.</summary>
public sealed class BrowserCheckTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cb-browser-check-" + Guid.NewGuid().ToString("N"));

    public BrowserCheckTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_missing_or_unusable_browser_is_named_with_the_way_to_install_one()
    {
        var missing = Path.Combine(_folder, "chromium");
        var notExecutable = Path.Combine(_folder, "chromium-text");
        File.WriteAllText(notExecutable, "not a browser");
        File.SetUnixFileMode(notExecutable, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal($"Chromium is not installed at {missing}: run ./test.sh (it installs Debian's chromium) or set CHROMIUM_PATH to a Chromium executable.",
            Browser.Problem(missing));
        Assert.StartsWith($"{notExecutable} is not executable: run ./test.sh", Browser.Problem(notExecutable));
        Assert.Null(Browser.Problem(Browser.ExecutablePath)); // the browser the chat page tests use is there
    }
}
