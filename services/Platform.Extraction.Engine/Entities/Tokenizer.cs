using System.Collections.Frozen;

namespace Platform.Extraction.Engine.Entities;

[Flags]
internal enum TokenFlags : ushort
{
    None = 0,
    Word = 1,
    Capitalised = 2,
    AllCaps = 4,
    SentenceStart = 8,
    ParagraphStart = 16,
    Possessive = 32,
    /// <summary>Split off a hyphenated compound ("Korea-US"): never joined to the token before it.</summary>
    HyphenSplit = 64,
    /// <summary>Ends with a dot that belongs to the word ("U.S.", "Mr.").</summary>
    Dotted = 128,
    /// <summary>Punctuation token that ends a sentence.</summary>
    SentenceEnd = 256,
    /// <summary>The original text (before the hyphen split) was joined to a lower-case prefix ("anti-US").</summary>
    LowerPrefix = 512,
}

/// <summary>A word or punctuation token. <see cref="CoreEnd"/> excludes a possessive "'s".</summary>
internal readonly record struct Token(int Start, int End, int CoreEnd, TokenFlags Flags)
{
    public bool Is(TokenFlags f) => (Flags & f) != 0;
    public bool IsWord => (Flags & TokenFlags.Word) != 0;
    public bool IsCap => (Flags & TokenFlags.Capitalised) != 0;
    public int Length => End - Start;
}

/// <summary>
/// Splits text into words and punctuation in one linear pass. Words keep inner hyphens and apostrophes
/// ("Jong-un", "People's") and dotted initialisms ("U.S."); sentence starts are marked for the recogniser.
/// </summary>
internal static class Tokenizer
{
    // Provenance: common English abbreviations whose dot does not end a sentence.
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Lt", "Col", "Capt", "Prof", "Jr", "Sr", "No", "vs", "Inc",
        "Corp", "Co", "Ltd", "Gov", "Adm", "Maj", "Sgt", "Rev", "Mt", "Ft", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct",
        "Nov", "Dec", "Messrs", "Mme", "Fr", "approx", "etc", "Dept", "Univ", "Assn", "Bros", "Pres",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsApostrophe(char c) => c == '\'' || c == '\u2019';

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        // Speed: the letters and digits of the text as bit masks (char.IsLetterOrDigit, exact for all of UTF-16),
        // so a word's run of letters and digits is skipped with one bit scan instead of a test per character,
        // whose branch mispredicts at every word end.
        var scratch = Text.CharClasses.Scratch.Get();
        var blocks = scratch.Classify(text);
        int blockCount = blocks.Length;
        var letterOrDigit = scratch.Mask(0, blockCount);
        for (int b = 0; b < blockCount; b++)
        {
            letterOrDigit[b] = blocks[b].Letter | blocks[b].Digit;
        }
        bool sentenceStart = true;
        bool paragraphStart = true;
        int i = 0;
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (c == ' ')
            {
                i++; // the commonest character: skip the general whitespace test
                continue;
            }
            if (c == '\n')
            {
                // a blank line (or any line break) starts a new paragraph and sentence
                paragraphStart = true;
                sentenceStart = true;
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                int segStart = i;
                bool dotted = false;
                int firstHyphen = -1; // hyphens only enter a word as joiners: noted here instead of re-scanning it
                i++;
                while (true)
                {
                    // past the letters and digits (the mask has a clear bit after the text, so i <= n)
                    i = Text.CharClasses.NextClear(letterOrDigit, i);
                    if (i >= n)
                    {
                        break;
                    }
                    char d = text[i];
                    // a combining mark continues the word (no ASCII character is one)
                    if (d >= '\u0080' && char.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark)
                    {
                        i++;
                        continue;
                    }
                    if ((d == '-' || d == '\u2010' || d == '\u2011' || IsApostrophe(d) || d == '&') && i + 1 < n && char.IsLetterOrDigit(text[i + 1]))
                    {
                        if (firstHyphen < 0 && d is '-' or '\u2010' or '\u2011')
                        {
                            firstHyphen = i;
                        }
                        i++;
                        segStart = i;
                        continue;
                    }
                    if (d == '.' && i - segStart == 1 && char.IsUpper(text[segStart]) && i + 1 < n && char.IsUpper(text[i + 1])
                        && (i + 2 >= n || text[i + 2] == '.' || !char.IsLetter(text[i + 2])))
                    {
                        // initialism: U.S., U.N., D.P.R.K.
                        i++;
                        segStart = i;
                        dotted = true;
                        continue;
                    }
                    break;
                }
                if (dotted && i < n && text[i] == '.')
                {
                    i++; // final dot of an initialism
                }
                int end = i;
                bool abbrevDot = false;
                if (!dotted && i < n && text[i] == '.' && AbbreviationLookup.Contains(text.AsSpan(start, end - start)))
                {
                    abbrevDot = true;
                    i++;
                    end = i;
                }
                else if (!dotted && end - start == 1 && IsInitialBeforeName(text, start, end))
                {
                    abbrevDot = true; // "K. Senthilvelan": the dot of an initial does not end the sentence
                    i++;
                    end = i;
                }
                AddWord(text, tokens, start, end, firstHyphen, dotted || abbrevDot, ref sentenceStart, ref paragraphStart);
                continue;
            }
            // punctuation: one char per token
            var flags = TokenFlags.None;
            if (c is '.' or '!' or '?')
            {
                // a full stop ends a sentence when followed by space, a closing quote or the end
                int j = i + 1;
                while (j < n && (text[j] is '"' or '\u201D' or '\u2019' or '\'' or ')' || text[j] is '.' or '!' or '?'))
                {
                    j++;
                }
                if (j >= n || char.IsWhiteSpace(text[j]))
                {
                    flags |= TokenFlags.SentenceEnd;
                }
            }
            else if (c == ':' || c == ';')
            {
                // "Q: Text", "He said: Quote" — the next word may carry a positional capital
                int j = i + 1;
                while (j < n && text[j] == ' ')
                {
                    j++;
                }
                if (j < n && (char.IsUpper(text[j]) || text[j] is '"' or '\u201C' or '\'' or '\u2018'))
                {
                    flags |= TokenFlags.SentenceEnd;
                }
            }
            if (paragraphStart)
            {
                flags |= TokenFlags.ParagraphStart;
            }
            tokens.Add(new Token(i, i + 1, i + 1, flags));
            if ((flags & TokenFlags.SentenceEnd) != 0)
            {
                sentenceStart = true;
            }
            else if (c is '"' or '\u201C' or '\u2018' or '\'' or '(' or '[' or '\u201E' or '\u00AB' or '-' or '\u2013' or '\u2014')
            {
                // a word right after an opening quote, bracket or dash may be capitalised by position;
                // keep the pending sentence start, and also treat an opening quote as a new start
                if (c is '"' or '\u201C' or '\u2018' or '\u201E' or '\u00AB')
                {
                    sentenceStart = true;
                }
            }
            i++;
        }
        return tokens;
    }

    /// <summary>
    /// A single capital letter with a dot, followed by a capitalised word that is not a sentence opener
    /// ("M. Ilango said", but not "Plan B. The talks ...").
    /// </summary>
    private static bool IsInitialBeforeName(string text, int start, int end)
    {
        int n = text.Length;
        if (!char.IsUpper(text[start]) || end + 2 >= n || text[end] != '.' || text[end + 1] != ' ' || !char.IsUpper(text[end + 2]))
        {
            return false;
        }
        int k = end + 2;
        while (k < n && char.IsLetter(text[k]))
        {
            k++;
        }
        if (k - (end + 2) == 1)
        {
            return k < n && text[k] == '.'; // a chain of initials: "R. K. Tiwari"
        }
        return !Lexicon.CommonCapitalised.Contains(text[(end + 2)..k]);
    }

    private static void AddWord(string text, List<Token> tokens, int start, int end, int firstHyphen, bool dotted, ref bool sentenceStart, ref bool paragraphStart)
    {
        var flags = TokenFlags.Word;
        if (dotted)
        {
            flags |= TokenFlags.Dotted;
        }
        if (sentenceStart)
        {
            flags |= TokenFlags.SentenceStart;
        }
        if (paragraphStart)
        {
            flags |= TokenFlags.ParagraphStart;
        }
        sentenceStart = false;
        paragraphStart = false;
        int coreEnd = end;
        if (end - start > 2 && text[end - 1] is 's' && IsApostrophe(text[end - 2]))
        {
            flags |= TokenFlags.Possessive;
            coreEnd = end - 2;
        }
        else if (end < text.Length && IsApostrophe(text[end]) && text[end - 1] == 's' && (end + 1 >= text.Length || !char.IsLetter(text[end + 1])))
        {
            // plural possessive "Workers'" — the apostrophe stays outside the token
            flags |= TokenFlags.Possessive;
        }

        // hyphenated compounds of names: split "Korea-US" / "anti-US" where a part is a known place or body
        // the first hyphen inside start+1 .. coreEnd-2 (every hyphen of the word is a joiner, the first noted while scanning)
        int hyphen = firstHyphen > start && firstHyphen < coreEnd - 1 ? firstHyphen : -1;
        if (hyphen > 0 && !Lexicon.TryKnown(text[start..coreEnd], out _))
        {
            var left = text[start..hyphen];
            var right = text[(hyphen + 1)..coreEnd];
            bool leftKnown = char.IsUpper(left[0]) && Lexicon.TryKnown(left, out _);
            bool rightKnown = char.IsUpper(right[0]) && Lexicon.TryKnown(right, out _) && right.IndexOf('-') < 0;
            if (leftKnown || rightKnown)
            {
                var lf = flags & ~TokenFlags.Possessive;
                if (char.IsLower(left[0]))
                {
                    // "anti-US": keep only the name part as a word
                    AddPlain(text, tokens, hyphen + 1, end, coreEnd, (flags & ~(TokenFlags.SentenceStart | TokenFlags.ParagraphStart)) | TokenFlags.HyphenSplit | TokenFlags.LowerPrefix);
                    return;
                }
                AddPlain(text, tokens, start, hyphen, hyphen, lf);
                tokens.Add(new Token(hyphen, hyphen + 1, hyphen + 1, TokenFlags.None));
                AddPlain(text, tokens, hyphen + 1, end, coreEnd, (flags & ~(TokenFlags.SentenceStart | TokenFlags.ParagraphStart)) | TokenFlags.HyphenSplit);
                return;
            }
        }
        AddPlain(text, tokens, start, end, coreEnd, flags);
    }

    // Arabic article prefixes written in lower case before a capitalised name ("al-Maamari", "el-Sisi", "ash-Sharif"):
    // the surname alone is still a proper name.
    private static bool IsArticlePrefixedName(string text, int start, int coreEnd)
    {
        // a scalar scan of at most four characters (IndexOf's set-up cost more, run for every word starting a/e/u)
        int hyphen = -1;
        for (int k = start, stop = start + Math.Min(4, coreEnd - start); k < stop; k++)
        {
            if (text[k] == '-')
            {
                hyphen = k;
                break;
            }
        }
        if (hyphen < start + 2 || hyphen + 1 >= coreEnd || !char.IsUpper(text[hyphen + 1])) return false;
        var prefix = text.AsSpan(start, hyphen - start);
        return prefix is "al" or "el" or "ad" or "an" or "ar" or "as" or "ash" or "at" or "az" or "ul" or "ud";
    }

    private static void AddPlain(string text, List<Token> tokens, int start, int end, int coreEnd, TokenFlags flags)
    {
        if (char.IsUpper(text[start]) || text[start] is 'a' or 'e' or 'u' && IsArticlePrefixedName(text, start, coreEnd))
        {
            flags |= TokenFlags.Capitalised;
            bool allCaps = true;
            int letters = 0;
            for (int k = start; k < coreEnd; k++)
            {
                if (char.IsLetter(text[k]))
                {
                    letters++;
                    if (!char.IsUpper(text[k]))
                    {
                        allCaps = false;
                        break;
                    }
                }
            }
            if (allCaps && letters >= 2)
            {
                flags |= TokenFlags.AllCaps;
            }
        }
        tokens.Add(new Token(start, end, coreEnd, flags));
    }
}
