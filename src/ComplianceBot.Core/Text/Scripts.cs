namespace ComplianceBot.Core.Text;

/// <summary>Character classification by Unicode block, used to split text into per-language runs.</summary>
public static class Scripts
{
    /// <summary>True for CJK unified ideographs (basic block and extension A) and compatibility ideographs.</summary>
    public static bool IsHan(char ch) =>
        ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
