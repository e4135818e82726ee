using ComplianceBot.Audit;
using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Reporting;

/// <summary>
/// The web host's unanswered log: each question the bot could not answer directly goes to the background
/// <see cref="AuditWriter"/>, which redacts it (<see cref="PersonalDataRedactor"/>: addresses, numbers, ids, mentions,
/// anything after "password") and counts it in the store chosen by <c>Storage:Provider</c>, with the reason and when it
/// was first and last asked; no user or conversation identity. Rows are deleted <see cref="UnansweredOptions.RetentionDays"/>
/// after they were last asked. Read by <c>report unanswered</c>.
/// </summary>
/// <remarks>Never blocks a turn and never throws: a full queue or a store failure is logged.</remarks>
public sealed class UnansweredLog(AuditWriter writer, TimeProvider time) : IUnansweredLog
{
    /// <inheritdoc />
    public void Record(string typedText, UnansweredReason reason, string? declinedAs = null)
    {
        if (!string.IsNullOrWhiteSpace(typedText))
        {
            writer.Enqueue(typedText, UnansweredQuestion.Code(reason, declinedAs), time.GetUtcNow());
        }
    }
}
