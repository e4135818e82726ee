namespace ComplianceBot.Core.Conversation;

/// <summary>Where a turn went. Printed in kebab case (<c>start-check</c>) by <see cref="Decision.ToString"/>.</summary>
public enum DecisionKind
{
    /// <summary>A member of the conversation was welcomed (not a message).</summary>
    Welcome,

    /// <summary>An FAQ topic answered the message (<see cref="Decision.TopicId"/>, with the matcher's confidence, or 1 for a topic button).</summary>
    Answer,

    /// <summary>A message without a subject ("and for companies?") answered as a follow-up of the last topic (<see cref="Decision.From"/>).</summary>
    FollowUp,

    /// <summary>Several topics fitted: the user is asked which one (<see cref="Decision.Candidates"/>).</summary>
    Clarify,

    /// <summary>Nothing fitted (or an out-of-scope group, <see cref="Decision.OutOfScopeGroup"/>, declined it): the main topics are offered.</summary>
    Fallback,

    /// <summary>The question is about a place outside mainland China (<see cref="Decision.Place"/>): no mainland-law answer.</summary>
    OutOfJurisdiction,

    /// <summary>Greeting, thanks, farewell or a request for help (<see cref="Decision.Reason"/> says which).</summary>
    SmallTalk,

    /// <summary>The compliance team's contact was given (typed request, button, or a question about reaching them).</summary>
    Handoff,

    /// <summary>A message with no words (empty, or only attachments) outside a check.</summary>
    NoText,

    /// <summary>A number with no list open to pick from, or one beyond the list (<see cref="Decision.Reason"/>).</summary>
    Number,

    /// <summary>A topic button for a topic the content no longer has.</summary>
    UnknownTopic,

    /// <summary>A check started (<see cref="Decision.DialogId"/>, with the facts the message stated in <see cref="Decision.Facts"/>).</summary>
    StartCheck,

    /// <summary>A check was asked for that the content does not have.</summary>
    CheckNotAvailable,

    /// <summary>A message read as the answer to the asked slot (<see cref="Decision.SlotId"/> = <see cref="Decision.Value"/>, other facts in <see cref="Decision.Facts"/>).</summary>
    SlotAnswer,

    /// <summary>An answer that fits several values of the asked slot: asked which (<see cref="Decision.Candidates"/>).</summary>
    SlotAmbiguous,

    /// <summary>A message in a check that was neither an answer nor a question the bot could answer: the question is asked again.</summary>
    NotUnderstood,

    /// <summary>An FAQ question (or small talk, a topic button) answered in the middle of a check (<see cref="Decision.Aside"/>), which then resumes.</summary>
    CheckAside,

    /// <summary>A control word or control button acted on the check (<see cref="Decision.Command"/>).</summary>
    Control,

    /// <summary>After a verdict, one fact changed (<see cref="Decision.SlotId"/>) and the verdict decided again with the others kept.</summary>
    Correction,

    /// <summary>The stored check belongs to a dialog the content no longer has: it ended.</summary>
    CheckRemoved,

    /// <summary>The stored check was written for another version of its dialog: it started again.</summary>
    CheckRestarted,

    /// <summary>A button that does not fit the moment (an old card, another question's or check's button): refused, the current question asked again.</summary>
    StaleButton,

    /// <summary>The current question asked again without a message (e.g. after one the host could not read).</summary>
    Repeat,

    /// <summary>
    /// A message in a check named something none of a question's choices fit (a Hong Kong SIM at "how do you connect"):
    /// that question (<see cref="Decision.SlotId"/>) stays open and is asked with what the sources leave open, the
    /// compliance team offered; other facts the message gave are in <see cref="Decision.Facts"/>.
    /// </summary>
    SlotOpen,
}
