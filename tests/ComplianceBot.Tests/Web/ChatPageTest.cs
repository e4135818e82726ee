using ComplianceBot.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplianceBot.Tests.Web;

/// <summary>
/// A test class that drives the chat page at <c>/</c> of a real bot host in the shared headless Chromium
/// (<see cref="Browser"/>): the host is started before each test and stopped after it, and the pages a test opened
/// (each in its own browser context) are closed; the browser's console goes to the test output. Derived classes join
/// <see cref="BrowserCollection"/>.
/// </summary>
public abstract class ChatPageTest(Browser browser, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// How long an expected element may take to appear (Web Chat connects and renders asynchronously; Playwright waits
    /// for it): the tests' guard, not a measure of speed.
    /// </summary>
    protected static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = (float)Waiting.Guard.TotalMilliseconds };

    private readonly List<IPage> _pages = [];
    private BotServer _server = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await BotServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }

        await _server.DisposeAsync();
    }

    /// <summary>Opens the chat page in a new English page 1000 px wide and <paramref name="height"/> px high.</summary>
    protected async Task<IPage> OpenAsync(int height)
    {
        var page = await browser.Instance.NewPageAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1000, Height = height } });
        _pages.Add(page);
        page.Console += (_, message) => output.WriteLine($"browser console [{message.Type}]: {message.Text}");
        await page.GotoAsync(_server.Address.ToString());
        return page;
    }

    /// <summary>Saves a full-page screenshot as <paramref name="name"/> and prints its path (test output and console).</summary>
    protected async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Browser.ScreenshotPath(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine("Screenshot: " + path);
        Console.WriteLine("Screenshot: " + path);
    }
}
