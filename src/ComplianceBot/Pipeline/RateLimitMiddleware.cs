using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ComplianceBot.Bot;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Text;
using ComplianceBot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Pipeline;

/// <summary>
/// Bot Framework middleware: per-user and per-conversation fixed-window rate limits on message activities
/// (<see cref="RateLimitOptions"/>, System.Threading.RateLimiting partitioned limiters). A message over a limit is not
/// read: the turn goes no further (so nothing is saved, audited or recorded as unanswered), it is marked
/// <see cref="RateLimitedTurn"/> for telemetry, and the sender gets <see cref="Reply"/> once for the run of messages
/// over the limit (the next message within the limits ends the run). Other activities (welcomes, invokes) are not limited.
/// </summary>
public sealed class RateLimitMiddleware : IMiddleware, IDisposable
{
    private const int MaxRemembered = 10_000;

    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _users;
    private readonly PartitionedRateLimiter<string> _conversations;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _told = new(StringComparer.Ordinal);
    private readonly BotMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<RateLimitMiddleware> _logger;

    /// <summary>Creates the limiters from <paramref name="options"/>.</summary>
    public RateLimitMiddleware(IOptions<RateLimitOptions> options, BotMetrics metrics, TimeProvider time, ILogger<RateLimitMiddleware> logger)
    {
        _options = options.Value;
        _users = Limiter(_options.PerUser);
        _conversations = Limiter(_options.PerConversation);
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (!_options.Enabled || activity?.Type != ActivityTypes.Message)
        {
            await next(cancellationToken);
            return;
        }

        var channel = activity.ChannelId ?? string.Empty;
        var userKey = channel == Web.WebChatAdapter.ChannelId || activity.From?.Id is not { Length: > 0 } user ? null : $"{channel}/{user}";
        var conversationKey = $"{channel}/{activity.Conversation?.Id}";
        var scope = Acquire(_conversations, conversationKey) ? null : "conversation";
        if (scope is null && userKey is not null && !Acquire(_users, userKey))
        {
            scope = "user";
        }

        if (scope is null)
        {
            _told.TryRemove(conversationKey, out _);
            await next(cancellationToken);
            return;
        }

        turnContext.TurnState.Set(new RateLimitedTurn(scope));
        _metrics.RateLimited(scope);
        _logger.LogDebug("Message in {Conversation} over the per-{Scope} rate limit: not read", conversationKey, scope);
        if (Remember(conversationKey))
        {
            // The message is not read, but its language is: a Chinese question from a client set to English gets Chinese.
            var byLocale = LanguageCodes.FromLocale(activity.Locale) ?? Language.English;
            var language = activity.Text is { } text && text.Any(char.IsLetter) ? LanguageDetector.DetectReply(text, byLocale) : byLocale;
            await ConversationTurns.SendAsync(turnContext, [Reply(language)], cancellationToken);
        }
    }

    /// <summary>The one reply to a run of messages over a limit.</summary>
    public static BotReply Reply(Language language) => new()
    {
        Kind = ReplyKind.Notice,
        Language = language,
        Text = language == Language.Chinese
            ? "你发送消息的速度超过了我能回答的速度。请稍等一分钟再问；在此期间发送的消息我不会读取。"
            : "You are sending messages faster than I can answer them. Please wait a minute and ask again; I will not read the messages sent in the meantime.",
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _users.Dispose();
        _conversations.Dispose();
    }

    private static bool Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    /// <summary>True the first time a run of over-limit messages in <paramref name="conversationKey"/> is seen.</summary>
    private bool Remember(string conversationKey)
    {
        var now = _time.GetUtcNow();
        if (_told.Count >= MaxRemembered)
        {
            var before = now - _options.PerConversation.Window - _options.PerUser.Window;
            foreach (var (key, at) in _told)
            {
                if (at < before)
                {
                    _told.TryRemove(key, out _);
                }
            }
        }

        return _told.TryAdd(conversationKey, now);
    }

    private static PartitionedRateLimiter<string> Limiter(RateLimitOptions.WindowLimit window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
