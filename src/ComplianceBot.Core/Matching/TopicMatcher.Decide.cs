namespace ComplianceBot.Core.Matching;

/// <summary>Answer, clarify or fallback from the ranking.</summary>
public sealed partial class TopicMatcher
{
    private MatchResult Decide(AnalyzedText query, IReadOnlyList<MatchCandidate> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Confidence < _options.ClarifyThreshold)
        {
            return new MatchResult(MatchOutcome.Fallback, [], query);
        }

        var top = ranked[0];
        if (IsOutOfScope(top))
        {
            return new MatchResult(MatchOutcome.Fallback, [top], query); // recognised as a question the bot declines
        }

        var second = ranked.Count > 1 ? ranked[1].Confidence : 0;
        if (top.Confidence >= _options.AnswerThreshold && top.Confidence - second >= _options.AmbiguityMargin)
        {
            return new MatchResult(MatchOutcome.Answer, [top], query);
        }

        // The answerable (not out-of-scope) candidates within the clarify band, best first, and the first two answerable
        // ones: read in ranked order only as far as needed (the band ends at the first candidate below it).
        var offered = new List<MatchCandidate>(_options.MaxClarifyCandidates + 1);
        MatchCandidate? secondAnswerable = null;
        var answerable = 0;
        var inBand = true;
        foreach (var candidate in ranked)
        {
            if (IsOutOfScope(candidate))
            {
                continue;
            }

            answerable++;
            secondAnswerable = answerable == 2 ? candidate : secondAnswerable;
            inBand = inBand && offered.Count < _options.MaxClarifyCandidates
                            && candidate.Confidence >= top.Confidence - _options.ClarifyBand && candidate.Confidence >= _options.ClarifyThreshold;
            if (inBand)
            {
                offered.Add(candidate);
            }

            if (!inBand && answerable >= 2)
            {
                break;
            }
        }

        if (offered.Count == 1 && secondAnswerable is not null && secondAnswerable.Confidence >= _options.ClarifyThreshold / 2)
        {
            offered.Add(secondAnswerable); // a clarify reply always offers a choice
        }

        if (offered.Count >= 2)
        {
            return new MatchResult(MatchOutcome.Clarify, offered, query);
        }

        return top.Confidence >= _options.AnswerThreshold
            ? new MatchResult(MatchOutcome.Answer, [top], query)
            : new MatchResult(MatchOutcome.Fallback, [], query);
    }

    /// <summary>
    /// True when <paramref name="result"/> (a result of this matcher) declines the question as out of scope by less
    /// than <see cref="MatcherOptions.AmbiguityMargin"/> (0.02 by default) over the best answerable target: a near
    /// tie, not a confident decline ("is vpn ok in london" against "what time is it in london right now").
    /// </summary>
    public bool DeclinesNarrowly(MatchResult result)
    {
        if (result.Top is not { } top || !IsOutOfScope(top))
        {
            return false;
        }

        foreach (var candidate in result.Ranked)
        {
            if (!IsOutOfScope(candidate))
            {
                return top.Confidence - candidate.Confidence < _options.AmbiguityMargin;
            }

            if (top.Confidence - candidate.Confidence >= _options.AmbiguityMargin)
            {
                return false; // ranked best first: no answerable target further down is any closer
            }
        }

        return false;
    }
}
