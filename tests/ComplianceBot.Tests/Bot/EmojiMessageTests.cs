using ComplianceBot.Bot;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Tests.Bot;

/// <summary>A Teams emoji-only message (the emoji drawn as an image, named in the text/html copy) is read as the emoji, not as an uploaded file.</summary>
public sealed class EmojiMessageTests
{
    private static Activity TeamsMessage(string? text, string html, params Attachment[] more) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = Channels.Msteams,
        Text = text,
        Recipient = new ChannelAccount("28:bot", "ComplianceBot"),
        Attachments = [.. more, new Attachment { ContentType = "text/html", Content = html }],
    };

    [Fact]
    public void An_emoji_only_message_is_read_as_the_emoji_with_no_attachment()
    {
        var activity = TeamsMessage(null,
            "<p><img alt=\"👍\" itemtype=\"http://schema.skype.com/Emoji\" itemscope=\"\" src=\"https://statics.teams.cdn.office.net/evergreen-assets/personal-expressions/v2/assets/emoticons/yes/default/20_f.png\" width=\"20\" height=\"20\" style=\"vertical-align:bottom\"></p>",
            new Attachment { ContentType = "image/*", ContentUrl = "https://statics.teams.cdn.office.net/evergreen-assets/personal-expressions/v2/assets/emoticons/yes/default/20_f.png" });

        var input = ActivityInput.From(activity);

        Assert.Equal("👍", input.Text);
        Assert.Equal(0, input.AttachmentCount);
    }

    [Fact]
    public void A_real_picture_is_still_an_attachment()
    {
        var activity = TeamsMessage(null, "<p><img src=\"https://graph.microsoft.com/v1.0/photo.png\" alt=\"photo.png\"></p>",
            new Attachment { ContentType = "image/*", ContentUrl = "https://smba.trafficmanager.net/photo.png" });

        var input = ActivityInput.From(activity);

        Assert.Equal(1, input.AttachmentCount);
        Assert.True(string.IsNullOrEmpty(input.Text));
    }
}
