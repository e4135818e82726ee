using System.Text;
using ComplianceBot.Core.Text;
using ComplianceBot.Reporting;

namespace ComplianceBot.Tests.Reporting;

/// <summary>
/// Redacting a message for the audit trail or the unanswered log costs work bounded by the length that is kept, not by
/// the message: "www.a" × 20,000 took 25 s before. Work is counted (<see cref="WorkMeter"/>), never timed.
/// </summary>
public class PersonalDataRedactorCostTests
{
    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, length);
    }

    [Theory]
    [InlineData("www.a")]
    [InlineData("john dot smith at ")]
    [InlineData("a")]
    [InlineData("138 0013 8000 ")]
    public void Only_as_much_of_a_long_message_as_can_be_kept_is_redacted(string unit)
    {
        var tenThousand = WorkMeter.Measure(() => PersonalDataRedactor.Redact(Repeat(unit, 10_000), 500));
        var hundredThousand = WorkMeter.Measure(() => PersonalDataRedactor.Redact(Repeat(unit, 100_000), 500));

        Assert.Equal(tenThousand, hundredThousand);
        Assert.True(hundredThousand <= PersonalDataRedactor.Margin * 2 + 1_000);
    }

    [Fact]
    public void Personal_data_near_the_end_of_what_is_kept_is_still_redacted_whole()
    {
        var typed = new string('x', 250) + " call me on +86 138 0013 8000 or mail li.wei@corp.cn " + Repeat("www.a", 100_000);

        var stored = PersonalDataRedactor.Redact(typed, 300);

        Assert.True(stored.Length <= 300);
        Assert.DoesNotContain("138", stored);
        Assert.DoesNotContain("0013", stored);
        Assert.Equal(PersonalDataRedactor.Redact(typed[..600])[..Math.Min(300, stored.Length)], stored);
    }
}
