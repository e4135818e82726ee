namespace ComplianceBot.Core.Conversation.Scripts;

/// <summary>What a script's <c>deploy</c> step changes in the content, to test conversations that outlive a deployment.</summary>
public enum ContentChangeKind
{
    /// <summary>The dialog's <c>version</c> goes up by one (its questions or rules changed).</summary>
    BumpVersion,

    /// <summary>The dialog is removed (and topics no longer offer it).</summary>
    Remove,
}

/// <summary>A content change made in the middle of a conversation script.</summary>
/// <param name="DialogId">The dialog changed.</param>
/// <param name="Kind">How it changes.</param>
public sealed record ContentChange(string DialogId, ContentChangeKind Kind);
