using ComplianceBot.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ComplianceBot.Tests.Web;

/// <summary>The chat page at <c>/</c> in a real headless Chromium, used as a person would, with the keyboard only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatPageTests(Browser browser, ITestOutputHelper output) : ChatPageTest(browser, output)
{
    private const string SendBox = "[data-id=webchat-sendbox-input]";

    [Fact]
    public async Task A_question_typed_on_the_page_gets_the_cited_answer_and_a_related_topic_button_works_from_the_keyboard()
    {
        var page = await OpenAsync(height: 1100);
        var transcript = page.GetByRole(AriaRole.Group, new() { Name = "Chat history, press arrow keys to navigate." });
        await Expect(transcript.GetByText("I answer questions about China", new() { Exact = false }).First).ToBeVisibleAsync(Soon);

        await page.Locator(SendBox).FocusAsync();
        await page.Keyboard.TypeAsync("Is it illegal for individuals to use paid international VPN services?");
        await page.Keyboard.PressAsync("Enter");

        var answer = transcript.GetByText("A paid or commercial VPN is an unauthorised channel", new() { Exact = false }).First;
        await Expect(answer).ToBeVisibleAsync(Soon);
        await Expect(transcript.GetByText("Telecommunications Regulations, Art. 7", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await Expect(transcript.GetByText("Sources:", new() { Exact = false }).First).ToBeVisibleAsync(Soon);

        // Keyboard only: from the send box, Shift+Tab reaches the suggested actions; Enter clicks the focused one.
        await page.Locator(SendBox).FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''");
        Assert.Equal("Checking a provider's telecom licence", focused.Trim());
        await page.Keyboard.PressAsync("Enter");

        await Expect(transcript.GetByText("Ask the provider for its Chinese basic telecom licence", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await SaveScreenshotAsync(page, "webchat-answer");
    }
}
