using ComplianceBot.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplianceBot.Tests.Web;

/// <summary>
/// A test class that drives the chat page at <c>/</c> of a real bot host in headless Chromium: the host and the browser
/// are started before each test and stopped after it; the browser's console goes to the test output.
/// </summary>
public abstract class ChatPageTest(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How long an expected element may take to appear (Web Chat connects and renders asynchronously).</summary>
    protected static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };

    private BotServer _server = null!;
    private Browser _browser = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await BotServer.StartAsync();
        _browser = await Browser.LaunchAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>Opens the chat page in a new English page 1000 px wide and <paramref name="height"/> px high.</summary>
    protected async Task<IPage> OpenAsync(int height)
    {
        var page = await _browser.Instance.NewPageAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1000, Height = height } });
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
