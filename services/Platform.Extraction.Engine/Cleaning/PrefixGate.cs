namespace Platform.Extraction.Engine.Cleaning;

/// <summary>
/// A necessary condition for a pattern anchored at the start of the line: the line opens with one of a few ASCII
/// literals (ignoring case), or, when allowed, with a character that is not an ASCII letter. The first three
/// characters pick the literals to compare through a bit table of their (case-folded) letters.
/// </summary>
/// <remarks>
/// Speed: the line rules run some anchored regexes on every short line; even a failing anchored match of a long
/// alternation costs a few hundred nanoseconds inside the pipeline, and most lines open with a word none of the
/// alternatives names. The gate is a superset of the pattern: a line the regex (RegexOptions.IgnoreCase) matches
/// opens with one of the literals in ASCII letters of either case, or holds a non-ASCII character among its first
/// three (a case-insensitive regex may equate one with an ASCII letter, the Kelvin sign with 'k'), which passes;
/// a non-ASCII character where a literal has an ASCII one passes the comparison too.
/// </remarks>
internal sealed class PrefixGate
{
    private const int Other = 26;
    private const int Symbols = 27;

    private readonly ulong[] _bits = new ulong[(Symbols * Symbols * Symbols + 63) / 64];
    private readonly bool _nonLetterStart;
    // The literals (lower-cased) by the key of their first three characters.
    private readonly Dictionary<int, List<string>> _byKey = [];

    /// <param name="nonLetterStart">Also pass every line whose first character is not an ASCII letter.</param>
    /// <param name="prefixes">ASCII literals (a literal shorter than three characters leaves the rest of the key open).</param>
    public PrefixGate(bool nonLetterStart, params string[] prefixes)
    {
        _nonLetterStart = nonLetterStart;
        foreach (var prefix in prefixes)
        {
            if (prefix.Length == 0 || prefix.Any(c => c >= 128)) throw new ArgumentException($"Prefix '{prefix}' is empty or not ASCII.", nameof(prefixes));
            Add(prefix.ToLowerInvariant(), 0, 0);
        }
    }

    private void Add(string prefix, int position, int key)
    {
        if (position == 3)
        {
            _bits[key >> 6] |= 1UL << (key & 63);
            if (!_byKey.TryGetValue(key, out var literals)) _byKey[key] = literals = [];
            literals.Add(prefix);
            return;
        }
        if (position < prefix.Length)
            Add(prefix, position + 1, key * Symbols + Symbol(prefix[position]));
        else
            for (int s = 0; s < Symbols; s++) Add(prefix, position + 1, key * Symbols + s);
    }

    // An ASCII letter's place in the alphabet, any other ASCII character (or none) Other.
    private static int Symbol(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? (c | 0x20) - 'a' : Other;

    /// <summary>False only when no line starting like <paramref name="line"/> can match.</summary>
    public bool MayMatch(ReadOnlySpan<char> line)
    {
        int key = 0;
        for (int i = 0; i < 3; i++)
        {
            int symbol = Other;
            if (i < line.Length)
            {
                char c = line[i];
                if (c >= 128) return true;
                symbol = Symbol(c);
                if (i == 0 && symbol == Other && _nonLetterStart) return true;
            }
            key = key * Symbols + symbol;
        }
        if ((_bits[key >> 6] & (1UL << (key & 63))) == 0) return false;
        foreach (var literal in _byKey[key])
            if (MayStartWith(line, literal)) return true;
        return false;
    }

    /// <summary>The line starts with the lower-case ASCII literal in either case, or has a non-ASCII character where it differs.</summary>
    private static bool MayStartWith(ReadOnlySpan<char> line, string literal)
    {
        if (line.Length < literal.Length) return false;
        for (int i = 0; i < literal.Length; i++)
        {
            char c = line[i], l = literal[i];
            if (c == l) continue;
            if (c >= 128) return true;
            if ((uint)(l - 'a') <= 'z' - 'a' && (c | 0x20) == l) continue;
            return false;
        }
        return true;
    }
}
