using Microsoft.Playwright;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// Headless Chromium from Debian's <c>chromium</c> package (test.sh installs it), driven by Playwright for .NET
/// (Playwright's own browser download is neither needed nor possible here). One browser serves every chat page test
/// (<see cref="BrowserCollection"/>); each test opens its own pages, each in a fresh browser context. Its start-up
/// check says what is missing and how to get it, and every test in the collection fails with that message.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _instance;

    /// <summary>Where the browser is expected; override with CHROMIUM_PATH.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser Instance => _instance ?? throw new InvalidOperationException("The browser has not been started.");

    /// <summary>What stops <paramref name="path"/> from being used as the browser, with the fix; null when nothing does.</summary>
    public static string? Problem(string path)
    {
        const string Fix = "run ./test.sh (it installs Debian's chromium) or set CHROMIUM_PATH to a Chromium executable";
        if (!File.Exists(path))
        {
            return $"Chromium is not installed at {path}: {Fix}.";
        }

        const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & Execute) != 0
            ? null
            : $"{path} is not executable: {Fix}.";
    }

    public async Task InitializeAsync()
    {
        if (Problem(ExecutablePath) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        _playwright = await Playwright.CreateAsync();
        try
        {
            _instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException(
                $"Chromium at {ExecutablePath} did not start ({ex.Message.Split('\n')[0].Trim()}): run ./test.sh to install Debian's chromium "
                + "with the libraries it needs, or set CHROMIUM_PATH to a Chromium that starts.", ex);
        }
    }

    /// <summary>Where screenshots go: artifacts/screenshots under the repository root.</summary>
    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(Repo.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }

    public async Task DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The chat page tests: one <see cref="Browser"/> for all of them, and they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
