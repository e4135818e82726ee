using ComplianceBot.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ComplianceBot.Tests.Web;

/// <summary>The chat page at <c>/</c> in a real headless Chromium, used as a person would, with the keyboard only.</summary>
public sealed class WebChatPageTests : IAsyncLifetime
{
    private const string SendBox = "[data-id=webchat-sendbox-input]";
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };

    private readonly ITestOutputHelper _output;
    private BotServer _server = null!;
    private Browser _browser = null!;

    public WebChatPageTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _server = await BotServer.StartAsync();
        _browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_question_typed_on_the_page_gets_the_cited_answer_and_a_related_topic_button_works_from_the_keyboard()
    {
        var page = await OpenAsync();
        var transcript = page.GetByRole(AriaRole.Group, new() { Name = "Chat history, press arrow keys to navigate." });
        await Expect(transcript.GetByText("I answer questions about China", new() { Exact = false }).First).ToBeVisibleAsync(Soon);

        await page.Locator(SendBox).FocusAsync();
        await page.Keyboard.TypeAsync("Is it illegal for individuals to use paid international VPN services?");
        await page.Keyboard.PressAsync("Enter");

        var answer = transcript.GetByText("a paid or commercial VPN is illegal", new() { Exact = false }).First;
        await Expect(answer).ToBeVisibleAsync(Soon);
        await Expect(transcript.GetByText("Telecommunications Regulations, Art. 7", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await Expect(transcript.GetByText("Sources:", new() { Exact = false }).First).ToBeVisibleAsync(Soon);

        // Keyboard only: from the send box, Shift+Tab reaches the suggested actions; Enter clicks the focused one.
        await page.Locator(SendBox).FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''");
        Assert.Equal("Is VPN use banned for individuals?", focused.Trim());
        await page.Keyboard.PressAsync("Enter");

        await Expect(transcript.GetByText("there is no absolute ban", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await SaveScreenshotAsync(page, "webchat-answer");
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await _browser.Instance.NewPageAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1000, Height = 1100 } });
        page.Console += (_, message) => _output.WriteLine($"browser console [{message.Type}]: {message.Text}");
        await page.GotoAsync(_server.Address.ToString());
        return page;
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Browser.ScreenshotPath(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        _output.WriteLine("Screenshot: " + path);
        Console.WriteLine("Screenshot: " + path);
    }
}
