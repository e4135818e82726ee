using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot;

/// <summary>
/// Reduces the text of a message that @mentions the bot to just the user's words, as Teams (and the Emulator)
/// deliver it: <c>&lt;at&gt;Bot Name&lt;/at&gt; question</c>, possibly with CR/LF or <c>&amp;nbsp;</c> around the tag,
/// a multi-word bot name split over several <c>&lt;at&gt;</c> tags, or mention entities without a <c>text</c> field.
/// Mentions of other people stay in the text as their plain names.
/// </summary>
/// <remarks>
/// The Bot Framework's own <c>RemoveRecipientMention</c> only removes an entity's exact <c>text</c>; it leaves the
/// tag in place when the entity has no <c>text</c> and leaves other people's tags as markup.
/// </remarks>
public static partial class MentionText
{
    [GeneratedRegex(@"<at(?:\s[^>]*)?>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// Returns <paramref name="text"/> with the bot's mention(s) removed, other <c>&lt;at&gt;</c> tags replaced by the
    /// names inside them, HTML entities decoded when <paramref name="decodeHtml"/> is set (Teams sends <c>&amp;nbsp;</c>
    /// and <c>&amp;amp;</c>), and runs of whitespace (CR, LF, tabs, non-breaking spaces) collapsed to one space.
    /// </summary>
    /// <param name="text">The activity's text; null is treated as empty.</param>
    /// <param name="entities">The activity's entities; those of type <c>mention</c> are read, others ignored.</param>
    /// <param name="bot">The activity's recipient (the bot): its id identifies the bot's mentions, its name helps when an entity lacks <c>text</c>.</param>
    /// <param name="decodeHtml">Whether to decode HTML character references after removing the tags.</param>
    /// <param name="keepOtherMentions">
    /// Keep other people's <c>&lt;at&gt;</c> tags as they are instead of reducing them to names: the text the unanswered
    /// log redacts, where a mention must become <c>&lt;mention&gt;</c> rather than a readable name.
    /// </param>
    /// <returns>The cleaned text, trimmed; empty when only the mention was sent.</returns>
    public static string Clean(string? text, IEnumerable<Entity>? entities, ChannelAccount? bot, bool decodeHtml, bool keepOtherMentions = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var mentions = ReadMentions(entities);
        if (mentions.Count == 0 && !text.Contains("<at", StringComparison.OrdinalIgnoreCase))
        {
            return Normalize(decodeHtml ? WebUtility.HtmlDecode(text) : text); // no mention and no tag: nothing to take out
        }

        var botMentions = mentions.Where(m => IsBot(m, bot)).ToList();
        var others = mentions.Where(m => !IsBot(m, bot)).ToList();

        foreach (var mention in botMentions.Where(m => !string.IsNullOrEmpty(m.Text)))
        {
            text = text.Replace(mention.Text!, " ", StringComparison.Ordinal);
        }

        var botNameWords = BotNameWords(botMentions, bot);
        var unnamedBotMentions = botMentions.Count(m => string.IsNullOrEmpty(m.Text));
        text = AtTag().Replace(text, match =>
        {
            var name = Normalize(WebUtility.HtmlDecode(match.Groups["name"].Value));
            var isOther = others.Any(o => string.Equals(o.Text, match.Value, StringComparison.Ordinal)
                                          || string.Equals(Normalize(o.Name), name, StringComparison.OrdinalIgnoreCase));
            if (isOther)
            {
                return keepOtherMentions ? match.Value : name;
            }

            if (IsBotName(name, botNameWords))
            {
                return " ";
            }

            if (unnamedBotMentions > 0)
            {
                unnamedBotMentions--; // a bot mention entity without 'text': the tag it stands for is this unclaimed one
                return " ";
            }

            return keepOtherMentions ? match.Value : name;
        });

        if (decodeHtml)
        {
            text = WebUtility.HtmlDecode(text);
        }

        return Normalize(text);
    }

    private static string Normalize(string? value) =>
        value is null ? string.Empty : Whitespace().Replace(value.Replace('\u00A0', ' '), " ").Trim();

    private static bool IsBot(MentionEntity mention, ChannelAccount? bot) =>
        bot?.Id is { Length: > 0 } botId && string.Equals(mention.Id, botId, StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> BotNameWords(IEnumerable<MentionEntity> botMentions, ChannelAccount? bot)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in botMentions.Select(m => m.Name).Append(bot?.Name))
        {
            var normalized = Normalize(name);
            if (normalized.Length == 0)
            {
                continue;
            }

            words.Add(normalized);
            foreach (var word in normalized.Split(' '))
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static bool IsBotName(string name, HashSet<string> botNameWords) =>
        name.Length > 0 && (botNameWords.Contains(name) || name.Split(' ').All(botNameWords.Contains));

    private static List<MentionEntity> ReadMentions(IEnumerable<Entity>? entities)
    {
        var mentions = new List<MentionEntity>();
        foreach (var entity in entities ?? [])
        {
            if (!string.Equals(entity?.Type, "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var properties = entity!.Properties ?? [];
            var mentioned = properties["mentioned"] as JObject;
            mentions.Add(new MentionEntity(
                (string?)mentioned?["id"],
                (string?)mentioned?["name"],
                properties["text"]?.Type == JTokenType.String ? (string?)properties["text"] : null));
        }

        return mentions;
    }

    private sealed record MentionEntity(string? Id, string? Name, string? Text);
}
