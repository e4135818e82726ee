using ComplianceBot.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ComplianceBot.Tests.Web;

/// <summary>A decision dialog run to its verdict on the chat page, by clicking the offered buttons in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatDialogTests(Browser browser, ITestOutputHelper output) : ChatPageTest(browser, output)
{
    [Fact]
    public async Task Clicking_through_the_vpn_check_ends_in_a_verdict_card_with_the_facts_and_sources()
    {
        var page = await OpenAsync(height: 1300);
        var transcript = page.GetByRole(AriaRole.Group, new() { Name = "Chat history, press arrow keys to navigate." });
        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" });

        // Wait until Web Chat is connected (the welcome is shown), then type into the send box itself: a key pressed
        // before that can land on Web Chat's own keyboard-help dialog instead.
        await Expect(transcript.GetByText("I answer questions about China", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        var sendBox = page.Locator("[data-id=webchat-sendbox-input]");
        await sendBox.FillAsync("can i use my vpn");
        await sendBox.PressAsync("Enter");
        await Expect(transcript.GetByText("Where are you when you use the connection?").First).ToBeVisibleAsync(Soon);

        await ClickAsync(toolbar, "In mainland China");
        await Expect(transcript.GetByText("What carries your connection abroad?").First).ToBeVisibleAsync(Soon);
        await ClickAsync(toolbar, "A third-party VPN or proxy service");
        var card = transcript.Locator(".ac-adaptiveCard").Last;
        if (!await card.IsVisibleAsync() && await toolbar.GetByRole(AriaRole.Button, new() { Name = "Work" }).IsVisibleAsync())
        {
            await ClickAsync(toolbar, "Work"); // asked only if the engine wants the purpose before deciding
        }

        await Expect(card).ToBeVisibleAsync(Soon);
        await Expect(card.GetByText("Can I use this VPN?")).ToBeVisibleAsync(Soon);
        await Expect(card.GetByText("⛔ Not permitted", new() { Exact = true })).ToBeVisibleAsync(Soon);
        await Expect(card.GetByText("A third-party VPN or proxy service").First).ToBeVisibleAsync(Soon);
        await Expect(card.GetByText("Interim Provisions on International Networking", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Start over", Exact = false })).ToBeVisibleAsync(Soon);

        await SaveScreenshotAsync(page, "webchat-verdict");
    }

    private static async Task ClickAsync(ILocator toolbar, string label)
    {
        var button = toolbar.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });
        await Expect(button).ToBeVisibleAsync(Soon);
        await button.ClickAsync();
    }
}
