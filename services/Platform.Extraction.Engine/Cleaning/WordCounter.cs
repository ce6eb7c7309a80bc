using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Platform.Extraction.Engine.Cleaning;

/// <summary>
/// <see cref="Text.Words.Count"/> (whitespace-separated words as <see cref="char.IsWhiteSpace(char)"/> separates them),
/// computed eight characters at a time.
/// </summary>
/// <remarks>
/// The cleaner counts the words of every line, several times per line. The character-by-character count branches
/// on each character's class, and those branches are mispredicted at nearly every word boundary inside the real
/// pipeline; here a block of ASCII characters becomes a bit mask of white space, and the words starting in the
/// block are the non-space bits whose predecessor is a space bit (one popcount). Blocks holding a non-ASCII
/// character are counted character by character, with the same rule.
/// </remarks>
internal static class WordCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        int n = 0;
        // 1 when the character before the current position is white space (or there is none).
        uint previousSpace = 1;
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var units = MemoryMarshal.Cast<char, ushort>(text);
            var space = Vector128.Create((ushort)' ');
            var tab = Vector128.Create((ushort)'\t');
            var controlSpan = Vector128.Create((ushort)('\r' - '\t'));
            var asciiMax = Vector128.Create((ushort)0x7F);
            for (; i + 8 <= units.Length; i += 8)
            {
                var v = Vector128.Create(units.Slice(i, 8));
                if (Vector128.GreaterThanAny(v, asciiMax))
                {
                    for (int j = i; j < i + 8; j++) Step(text[j], ref previousSpace, ref n);
                    continue;
                }
                // ASCII white space is ' ' and '\t'..'\r' (unsigned v - '\t' <= 4).
                var isSpace = Vector128.Equals(v, space) | Vector128.LessThanOrEqual(v - tab, controlSpan);
                uint mask = isSpace.ExtractMostSignificantBits();
                uint starts = ~mask & ((mask << 1) | previousSpace) & 0xFF;
                n += BitOperations.PopCount(starts);
                previousSpace = (mask >> 7) & 1;
            }
        }
        for (; i < text.Length; i++) Step(text[i], ref previousSpace, ref n);
        return n;
    }

    private static void Step(char c, ref uint previousSpace, ref int n)
    {
        uint isSpace = char.IsWhiteSpace(c) ? 1u : 0u;
        n += (int)(previousSpace & ~isSpace & 1);
        previousSpace = isSpace;
    }
}
