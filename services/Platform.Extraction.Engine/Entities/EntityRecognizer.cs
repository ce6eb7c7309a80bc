using System.Collections.Frozen;

namespace Platform.Extraction.Engine.Entities;

/// <summary>
/// Rule-based recogniser: finds runs of capitalised words (with "of", "of the", "for" inside organisation and place
/// names), cuts each run into titles, demonyms, known names and cue-word names, and classifies what is left by
/// context (titles, role nouns, reporting verbs, given names, surnames). Lone words that could only be resolved
/// against the rest of the document are returned as deferred mentions.
/// </summary>
internal sealed class EntityRecognizer
{
    private static readonly FrozenSet<string> NameParticles = new[]
    {
        "de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "di", "du", "la", "le", "del", "della", "dos",
        "das", "ter", "ten", "abu", "bint",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words before "of" that keep the "of"-phrase inside the name.</summary>
    private static readonly FrozenSet<string> OfHeads = new[]
    {
        "Secretary", "Minister", "Director", "Chancellor", "President", "Head", "Chairman", "Governor", "Member",
        "Chief", "Commissioner", "Ambassador", "States", "Kingdom", "Republic", "Isle", "Gulf", "Sea", "Strait", "Bay",
        "Cape", "Mount", "Lake", "Emirate", "Sultanate", "Principality", "Federation", "Islands", "Sultan", "Emir",
        "Prince", "Princess", "Duke", "Duchess", "King", "Queen", "General", "Attorney", "Speaker", "Director-General",
        "Secretary-General", "Vice", "Deputy", "Leader", "Central", "Mayor",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PossessiveInName = new[]
    {
        "People", "Workers", "Children", "Women", "Men", "Veterans", "Farmers", "Nations", "Soldiers", "Volunteers",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LowerGeoNouns = new[]
    {
        "peninsula", "sea", "ocean", "strait", "gulf", "islands", "island", "river", "mountains", "desert",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LocationPrepositions = new[]
    {
        "in", "near", "outside", "across", "throughout", "inside",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"at Old Trafford", "at Camp David": before a multi-word name "at" suggests a place.</summary>
    private static readonly FrozenSet<string> SitePrepositions = new[]
    {
        "in", "near", "outside", "across", "throughout", "inside", "at",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Provenance: English compass and position words that qualify a place name ("North Dorset", "Greater Manchester").
    private static readonly FrozenSet<string> CompassWords = new[]
    {
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Greater", "Upper",
        "Lower", "Inner", "Outer", "Mid",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Heads of institution names that can end with the city they are in ("Imperial College London").</summary>
    private static readonly FrozenSet<string> InstitutionHeads = new[]
    {
        "College", "University", "School", "Institute", "Hospital", "Academy", "Conservatoire", "Museum",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Provenance: words that open the names of European football and sports clubs (general knowledge).
    private static readonly FrozenSet<string> ClubPrefixes = new[]
    {
        "Real", "Atletico", "Atlético", "Sporting", "Dynamo", "Dinamo", "Olympique", "Borussia", "Bayern", "Inter",
        "Deportivo", "Racing", "Celta", "AC", "AS", "FC", "SC", "SV", "VfB", "VfL", "PSV", "AFC", "RB",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions that start a new phrase: a site noun after them does not qualify the name before.</summary>
    private static readonly FrozenSet<string> ClausePrepositions = new[]
    {
        "over", "out", "in", "on", "at", "to", "for", "with", "from", "by", "of", "into", "after", "before", "about",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"MP for X", "Senator for X": holders of a seat named after the place they represent.</summary>
    private static readonly FrozenSet<string> SeatHolders = new[]
    {
        "MP", "MPs", "MEP", "MSP", "MLA", "MLAs", "TD", "Member", "member", "Senator", "senator", "seat", "constituency",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"served by X", "polled by FactSet": passive verbs whose agent is usually a company or body.</summary>
    private static readonly FrozenSet<string> OrgAgentVerbs = new[]
    {
        "served", "owned", "operated", "run", "supplied", "provided", "polled", "compiled", "published", "acquired",
        "bought", "funded", "sponsored", "manufactured", "issued", "licensed", "regulated", "broadcast", "surveyed",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Longest run of capitalised words considered as one name; segmentation is cubic in it, so it is bounded.</summary>
    private const int MaxRunTokens = 14;

    private readonly string _text;
    private readonly List<Token> _t;
    private readonly bool _titleHeading;
    private bool _heading;
    private int _paraStart = -1;
    private bool _paraHeading;
    private readonly HashSet<string> _lowerWords;
    private readonly int _baseOffset;
    private readonly List<Mention> _out = [];

    private enum SegKind { None, Title, Demonym, Event, Name }

    private EntityRecognizer(string text, List<Token> tokens, bool heading, HashSet<string> lowerWords, int baseOffset)
    {
        _text = text;
        _t = tokens;
        _titleHeading = heading;
        _heading = heading;
        _lowerWords = lowerWords;
        _baseOffset = baseOffset;
        _words = new string?[tokens.Count];
    }

    /// <summary>Finds mentions in <paramref name="text"/>. A title-case heading only yields well-supported names.</summary>
    public static List<Mention> Recognise(string text, List<Token> tokens, bool inTitle, HashSet<string> lowerWords)
    {
        bool heading = inTitle && IsTitleCase(text, tokens);
        var r = new EntityRecognizer(text, tokens, heading, lowerWords, 0) { };
        r.Run(inTitle);
        return r._out;
    }

    /// <summary>Words that occur in lower case somewhere in the text: evidence that a capitalised form is positional.</summary>
    /// <summary>
    /// Lower-case evidence for the capitalised words of title and body only: the words are looked up by span, so
    /// only capitalised words are allocated (once each), not every lower-case word of the text.
    /// </summary>
    public static void CollectLowerWords(string title, List<Token> titleTokens, string body, List<Token> bodyTokens, HashSet<string> into)
    {
        // Written for speed: the candidates (lower-cased capitalised words) live in a small open-addressing table of
        // token positions, so no candidate string is allocated; only the words found in lower case become strings.
        // Tokens hold no surrogates, so lowering char by char equals lowering the span.
        var table = new LowerFormTable(title, body, CountCapitalised(titleTokens) + CountCapitalised(bodyTokens));
        table.AddCandidates(title, titleTokens);
        table.AddCandidates(body, bodyTokens);
        if (table.Count == 0)
        {
            return;
        }
        table.Match(title, titleTokens, into);
        table.Match(body, bodyTokens, into);
    }

    // an upper bound of the candidates: the flag is also set on "al-Assad", which starts in lower case
    private static int CountCapitalised(List<Token> tokens)
    {
        int n = 0;
        foreach (var tok in tokens)
        {
            if (tok.IsWord && tok.IsCap)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>Lower-cased forms of capitalised words, keyed by position in the title or body (see CollectLowerWords).</summary>
    private sealed class LowerFormTable
    {
        private const int MaxLength = 64;
        private readonly int[] _buckets; // entry index + 1, 0 = empty
        private readonly (bool InTitle, int Start, int Length, int Hash, bool Found)[] _entries;
        private readonly int _mask;
        // Most lower-case words match no candidate: a 1024-bit filter on (length, first, last char) rules them out
        // before the word is hashed.
        private readonly ulong[] _filter = new ulong[16];
        private readonly string _title;
        private readonly string _body;

        public int Count { get; private set; }

        public LowerFormTable(string title, string body, int maxEntries)
        {
            _title = title;
            _body = body;
            int size = 16;
            while (size < maxEntries * 2)
            {
                size <<= 1;
            }
            _buckets = new int[size];
            _mask = size - 1;
            _entries = new (bool, int, int, int, bool)[Math.Max(maxEntries, 1)];
        }

        private static int FilterBit(int length, char first, char last) => (length * 31 + first * 7 + last * 131) & 1023;

        private string TextOf(bool inTitle) => inTitle ? _title : _body;

        private static char Lower(char c) => char.IsAscii(c) ? (char)(c | (char.IsAsciiLetterUpper(c) ? 0x20 : 0)) : char.ToLowerInvariant(c);

        public void AddCandidates(string text, List<Token> tokens)
        {
            foreach (var tok in tokens)
            {
                int len = tok.CoreEnd - tok.Start;
                if (!tok.IsWord || !char.IsUpper(text[tok.Start]) || len > MaxLength)
                {
                    continue;
                }
                var w = text.AsSpan(tok.Start, len);
                int hash = 0;
                foreach (var ch in w)
                {
                    hash = (hash ^ Lower(ch)) * 16777619;
                }
                int slot = hash & _mask;
                while (true)
                {
                    int e = _buckets[slot];
                    if (e == 0)
                    {
                        _entries[Count] = (ReferenceEquals(text, _title), tok.Start, len, hash, false);
                        int bit = FilterBit(len, Lower(w[0]), Lower(w[^1]));
                        _filter[bit >> 6] |= 1UL << (bit & 63);
                        _buckets[slot] = ++Count;
                        break;
                    }
                    ref var entry = ref _entries[e - 1];
                    if (entry.Hash == hash && entry.Length == len && SameLowered(TextOf(entry.InTitle).AsSpan(entry.Start, len), w))
                    {
                        break;
                    }
                    slot = (slot + 1) & _mask;
                }
            }
        }

        public void Match(string text, List<Token> tokens, HashSet<string> into)
        {
            foreach (var tok in tokens)
            {
                int len = tok.CoreEnd - tok.Start;
                if (!tok.IsWord || !char.IsLower(text[tok.Start]) || len > MaxLength)
                {
                    continue;
                }
                var w = text.AsSpan(tok.Start, len);
                int bit = FilterBit(len, w[0], w[^1]);
                if ((_filter[bit >> 6] & (1UL << (bit & 63))) == 0)
                {
                    continue;
                }
                int hash = 0;
                foreach (var ch in w)
                {
                    hash = (hash ^ ch) * 16777619;
                }
                int slot = hash & _mask;
                while (true)
                {
                    int e = _buckets[slot];
                    if (e == 0)
                    {
                        break;
                    }
                    ref var entry = ref _entries[e - 1];
                    if (entry.Hash == hash && entry.Length == len && LoweredEquals(TextOf(entry.InTitle).AsSpan(entry.Start, len), w))
                    {
                        if (!entry.Found)
                        {
                            entry.Found = true;
                            into.Add(w.ToString());
                        }
                        break;
                    }
                    slot = (slot + 1) & _mask;
                }
            }
        }

        private static bool SameLowered(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            for (int k = 0; k < a.Length; k++)
            {
                if (Lower(a[k]) != Lower(b[k]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The candidate <paramref name="capitalised"/> lowered is exactly <paramref name="word"/>.</summary>
        private static bool LoweredEquals(ReadOnlySpan<char> capitalised, ReadOnlySpan<char> word)
        {
            for (int k = 0; k < capitalised.Length; k++)
            {
                if (Lower(capitalised[k]) != word[k])
                {
                    return false;
                }
            }
            return true;
        }
    }

    public static void CollectLowerWords(string text, List<Token> tokens, HashSet<string> into)
    {
        var lookup = into.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var tok in tokens)
        {
            if (tok.IsWord && char.IsLower(text[tok.Start]))
            {
                var span = text.AsSpan(tok.Start, tok.CoreEnd - tok.Start);
                if (!lookup.Contains(span))
                {
                    into.Add(span.ToString());
                }
            }
        }
    }

    private static bool IsTitleCase(string text, List<Token> tokens)
    {
        int words = 0, caps = 0;
        foreach (var tok in tokens)
        {
            if (!tok.IsWord || tok.CoreEnd - tok.Start < 4)
            {
                continue;
            }
            words++;
            if (tok.IsCap)
            {
                caps++;
            }
        }
        return words >= 3 && caps * 10 >= words * 7;
    }

    private readonly string?[] _words;
    // Classify results of the current run, flattened [a * _memoStride + b]: sized and cleared per run (a fixed 15x15
    // table cleared for every one-word run cost more than the lookups saved).
    private (SegKind Seg, EntityKind Kind, string? Key)?[] _memo = [];
    private int _memoStride;
    private int _memoRunId = -1;
    private int _runId;
    private readonly List<int> _run = new(MaxRunTokens + 4);

    private string Word(int i) => _words[i] ??= _text.Substring(_t[i].Start, _t[i].CoreEnd - _t[i].Start);

    private bool IsLowerWord(int i, string w) => i >= 0 && i < _t.Count && _t[i].IsWord && char.IsLower(_text[_t[i].Start]) && string.Equals(Word(i), w, StringComparison.Ordinal);

    private bool IsNameToken(int i)
    {
        var tok = _t[i];
        if (!tok.IsWord || !tok.IsCap)
        {
            return false;
        }
        int len = tok.CoreEnd - tok.Start;
        if (len == 1 && !tok.Is(TokenFlags.Dotted))
        {
            // an initial without a dot ("S Jaishankar") when a capitalised word follows directly
            if (i + 1 >= _t.Count || !_t[i + 1].IsWord || !_t[i + 1].IsCap || _t[i + 1].Start != tok.End + 1 || tok.Is(TokenFlags.SentenceStart))
            {
                return false;
            }
        }
        var w = Word(i);
        if (Lexicon.MonthsDays.Contains(w))
        {
            return false;
        }
        return true;
    }

    private void Run(bool inTitle)
    {
        int i = 0;
        int n = _t.Count;
        int paragraph = 0;
        while (i < n)
        {
            if (_t[i].Is(TokenFlags.ParagraphStart))
            {
                paragraph = i;
            }
            if (!IsNameToken(i))
            {
                i++;
                continue;
            }
            _heading = _titleHeading || IsHeadingParagraph(paragraph);
            // one run list reused for the whole text; the Classify memo follows the run number
            var run = _run;
            run.Clear();
            run.Add(i);
            _runId++;
            int j = i + 1;
            while (j < n && run.Count < MaxRunTokens)
            {
                var prev = _t[run[^1]];
                if (prev.Is(TokenFlags.Possessive))
                {
                    // plural possessive "Farmers'": the apostrophe is its own token
                    int after = j < n && !_t[j].IsWord && Tokenizer.IsApostrophe(_text[_t[j].Start]) && _t[j].Start == prev.End ? j + 1 : j;
                    if (!PossessiveInName.Contains(Word(run[^1])) && !PossessiveBeforeOrgCue(run[^1], after) && !PossessiveBeforeCountry(run[^1], after))
                    {
                        break;
                    }
                    j = after;
                    if (j >= n)
                    {
                        break;
                    }
                }
                if (prev.Is(TokenFlags.Dotted) && IsNameToken(j) && _t[j].Is(TokenFlags.SentenceStart))
                {
                    break;
                }
                if (IsNameToken(j) && !_t[j].Is(TokenFlags.HyphenSplit) && !_t[j].Is(TokenFlags.ParagraphStart)
                    && !HasLineBreak(prev.End, _t[j].Start))
                {
                    run.Add(j);
                    j++;
                    continue;
                }
                // "Ministry of Economy, Trade and Industry", "Mines and Energy Ministry": coordinated parts of one body
                if (CoordinatedOrgEnd(run, j) is var coordinated && coordinated > j)
                {
                    for (int m = j; m < coordinated; m++)
                    {
                        run.Add(m);
                    }
                    j = coordinated;
                    continue;
                }
                // connectors inside names
                if (_t[j].IsWord && char.IsLower(_text[_t[j].Start]))
                {
                    var w = Word(j);
                    var prevWord = Word(run[^1]);
                    if ((w == "of" || w == "for" || w == "on") && (Lexicon.OrgHeads.Contains(prevWord) || Lexicon.GeoHeads.Contains(prevWord)
                        || OfHeads.Contains(prevWord) || Lexicon.OrgCues.Contains(prevWord)))
                    {
                        int k = j + 1;
                        if (w == "of" && k < n && IsLowerWord(k, "the"))
                        {
                            k++;
                        }
                        if (k < n && IsNameToken(k) && !Lexicon.MonthsDays.Contains(Word(k)))
                        {
                            for (int m = j; m <= k; m++)
                            {
                                run.Add(m);
                            }
                            j = k + 1;
                            continue;
                        }
                    }
                    if (NameParticles.Contains(w) && !Lexicon.TryKnown(prevWord, out _))
                    {
                        // "de", "van der", "de la" between parts of a name
                        int k = j;
                        while (k < n && k < j + 3 && _t[k].IsWord && NameParticles.Contains(Word(k)))
                        {
                            k++;
                        }
                        if (k < n && IsNameToken(k))
                        {
                            for (int x = j; x <= k; x++)
                            {
                                run.Add(x);
                            }
                            j = k + 1;
                            continue;
                        }
                    }
                    if (w.Length > 3 && w[2] == '-' && char.IsUpper(w[3]) && NameParticles.Contains(w[..2]))
                    {
                        run.Add(j); // "al-Assad"
                        j++;
                        continue;
                    }
                }
                break;
            }
            Segment(run, inTitle);
            i = j;
        }
    }

    // Heads of government bodies whose names coordinate their portfolios ("Ministry of Economy, Trade and Industry",
    // "Mines and Energy Ministry", "Department of Health and Social Care").
    private static readonly FrozenSet<string> PortfolioHeads = new[]
    {
        "Ministry", "Department", "Office", "Committee", "Commission", "Bureau", "Agency", "Authority", "Board", "Council",
        "Directorate", "Secretariat",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The end (exclusive) of coordinated portfolio words that continue the run at <paramref name="j"/>, or -1.
    /// After "Head of A": ", B", ", C and D" (at most three more parts of one to three capitalised words that name
    /// nothing known). Before a head: "A and B Ministry". The last part must end the capitalised run.
    /// </summary>
    private int CoordinatedOrgEnd(List<int> run, int j)
    {
        int n = _t.Count;
        if (j >= n || run.Count > 8)
        {
            return -1;
        }
        bool comma = !_t[j].IsWord && _text[_t[j].Start] == ',';
        if (!comma && !IsLowerWord(j, "and"))
        {
            return -1;
        }
        // One to three capitalised words that are no known name; returns the index after them.
        int Part(int k)
        {
            int start = k;
            while (k < n && k - start < 3 && IsNameToken(k) && !_t[k].Is(TokenFlags.Possessive) && !Lexicon.TryKnown(Word(k), out _)
                && !HasLineBreak(_t[k - 1].End, _t[k].Start))
            {
                k++;
            }
            return k > start && (k >= n || !IsNameToken(k)) ? k : -1;
        }
        // "(The) Ministry of A", "Director of the Department of A": a portfolio head followed by "of" within the run.
        bool ofHead = false;
        for (int h = run.Count - 3; h >= 0 && !ofHead; h--)
        {
            ofHead = PortfolioHeads.Contains(Word(run[h])) && IsLowerWord(run[h + 1], "of") && !IsLowerWord(run[h + 2], "the");
        }
        if (ofHead)
        {
            int k = j;
            for (int parts = 0; parts < 3; parts++)
            {
                bool sep = !_t[k].IsWord && _text[_t[k].Start] == ',';
                if (sep)
                {
                    k++;
                }
                bool and = k < n && IsLowerWord(k, "and");
                if (and)
                {
                    k++;
                }
                if (!sep && !and)
                {
                    return -1;
                }
                int end = Part(k);
                if (end < 0)
                {
                    return -1;
                }
                if (and)
                {
                    return end;
                }
                k = end;
                if (k >= n)
                {
                    return -1;
                }
            }
            return -1;
        }
        // "Mines and Energy Ministry": one or two unknown words, "and", then words ending in a portfolio head.
        if (comma || run.Count > 3 || Lexicon.TryKnown(Word(run[^1]), out _))
        {
            return -1;
        }
        int last = j + 1;
        while (last < n && last - j <= 3 && IsNameToken(last) && !PortfolioHeads.Contains(Word(last)) && !Lexicon.TryKnown(Word(last), out _))
        {
            last++;
        }
        return last > j + 1 && last < n && IsNameToken(last) && PortfolioHeads.Contains(Word(last)) && (last + 1 >= n || !IsNameToken(last + 1))
            ? last + 1 : -1;
    }

    /// <summary>
    /// A short title-case line inside the body (a sub-heading such as "Economic Impact") is read like a headline:
    /// its capitalised words are not guessed to be names. Cached per paragraph, so the check stays linear.
    /// </summary>
    private bool IsHeadingParagraph(int p)
    {
        if (p == _paraStart)
        {
            return _paraHeading;
        }
        _paraStart = p;
        int words = 0, caps = 0, k = p;
        bool endsSentence = false;
        for (; k < _t.Count && (k == p || !_t[k].Is(TokenFlags.ParagraphStart)); k++)
        {
            endsSentence = !_t[k].IsWord && _text[_t[k].Start] is '.' or '!' or '?' or ':' or ',' or '"' or '\u201D';
            if (_t[k].IsWord)
            {
                words++;
                if (_t[k].IsCap)
                {
                    caps++;
                }
            }
            if (words > 10)
            {
                break;
            }
        }
        _paraHeading = words is >= 2 and <= 10 && !endsSentence && caps * 10 >= words * 7;
        return _paraHeading;
    }

    /// <summary>"Scottish Fishermen's Federation": a plain plural possessive inside an organisation name.</summary>
    private bool PossessiveBeforeOrgCue(int possessive, int next)
    {
        var w = Word(possessive);
        if (Lexicon.TryKnown(w, out _) || Lexicon.GivenNames.Contains(w) || Lexicon.AsianSurnames.Contains(w) || ((Lexicon.RoleNouns.Contains(w) || Lexicon.Titles.Contains(w)) && !Lexicon.NameStyles.Contains(w)))
        {
            return false;
        }
        for (int k = next; k < _t.Count && k < next + 3; k++)
        {
            if (!IsNameToken(k))
            {
                return false;
            }
            if (Lexicon.OrgCues.Contains(Word(k)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "Parkinson's UK, which ...", "Alzheimer's Ireland said": a charity-style name made of an unknown possessive
    /// and a country, closed by punctuation, a relative pronoun or a verb ("China's UK policy" stays apart: the
    /// possessive is a known name, and a noun follows).
    /// </summary>
    private bool PossessiveBeforeCountry(int possessive, int next)
    {
        if (next + 1 >= _t.Count || next != possessive + 1 || !_t[next].IsWord || !_t[next].IsCap || !Lexicon.IsLocationName(Word(next)))
        {
            return false;
        }
        var w = Word(possessive);
        if (Lexicon.TryKnown(w, out _) || Lexicon.GivenNames.Contains(w) || Lexicon.AsianSurnames.Contains(w) || Lexicon.RoleNouns.Contains(w)
            || Lexicon.Titles.Contains(w) || Lexicon.Demonyms.Contains(w) || _t[possessive].Is(TokenFlags.AllCaps))
        {
            return false;
        }
        var f = _t[next + 1];
        if (!f.IsWord)
        {
            return _text[f.Start] is ',' or '.' or ')' or ';';
        }
        var v = Word(next + 1);
        return char.IsLower(_text[f.Start]) && (v is "which" or "who" or "has" or "is" or "was" or "will" || Lexicon.ReportingVerbs.Contains(v));
    }

    /// <summary>A capitalised plural that is no known name, title, nationality or cue word ("Celtics", "Yankees").</summary>
    private bool TeamNickname(int tok)
    {
        var w = Word(tok);
        return w.Length >= 4 && w[^1] == 's' && w[^2] != 's' && !_t[tok].Is(TokenFlags.AllCaps) && !_t[tok].Is(TokenFlags.Possessive)
            && !IsConnector(tok) && !Lexicon.TryKnown(w, out _) && !Lexicon.Demonyms.Contains(w) && !Lexicon.TitleWords.Contains(w)
            && !Lexicon.OrgCues.Contains(w) && !Lexicon.GeoCues.Contains(w) && !Lexicon.EventCues.Contains(w) && !HasLowerForm(w);
    }

    /// <summary>
    /// "the UK Biobank": after "the", an abbreviated country and one unknown capitalised word that is no name part,
    /// title, nationality, event or date word.
    /// </summary>
    private bool CountryPlusBody(List<int> run, (SegKind Seg, EntityKind Kind, string? Key) country)
    {
        if (country.Kind != EntityKind.Location || country.Key == null || !(_t[run[0]].Is(TokenFlags.AllCaps) || _t[run[0]].Is(TokenFlags.Dotted))
            || run[0] < 1 || !IsLowerWord(run[0] - 1, "the") || IsConnector(run[1]) || StartsClassified(run, 1))
        {
            return false;
        }
        var w = Word(run[1]);
        var tok = _t[run[1]];
        return !tok.Is(TokenFlags.AllCaps) && !tok.Is(TokenFlags.Possessive) && !Lexicon.GivenNames.Contains(w) && !Lexicon.AsianSurnames.Contains(w)
            && !Lexicon.TitleWords.Contains(w) && !Lexicon.RoleNouns.Contains(w) && !Lexicon.Demonyms.Contains(w) && !Lexicon.EventCues.Contains(w)
            && !Lexicon.MonthsDays.Contains(w) && !HasLowerForm(w);
    }

    private bool HasLineBreak(int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (_text[k] == '\n')
            {
                return true;
            }
        }
        return false;
    }

    private bool IsConnector(int tokenIndex) => _t[tokenIndex].IsWord && char.IsLower(_text[_t[tokenIndex].Start]) && !Word(tokenIndex).Contains('-')
        && !NameParticles.Contains(Word(tokenIndex));

    private string Phrase(List<int> run, int a, int b)
    {
        var first = _t[run[a]];
        var last = _t[run[b - 1]];
        var s = _text.Substring(first.Start, last.CoreEnd - first.Start);
        if (s.Contains('\n') || s.Contains("  ", StringComparison.Ordinal))
        {
            s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        return s;
    }

    private static string TitleCase(string s)
    {
        var chars = s.ToLowerInvariant().ToCharArray();
        bool start = true;
        for (int k = 0; k < chars.Length; k++)
        {
            if (char.IsLetter(chars[k]))
            {
                if (start)
                {
                    chars[k] = char.ToUpperInvariant(chars[k]);
                }
                start = false;
            }
            else
            {
                start = chars[k] is ' ' or '-';
            }
        }
        return new string(chars);
    }

    private (SegKind Seg, EntityKind Kind, string? Key) Classify(List<int> run, int a, int b)
    {
        if (_memoRunId != _runId)
        {
            _memoRunId = _runId;
            _memoStride = run.Count + 1;
            int size = _memoStride * _memoStride;
            if (_memo.Length < size)
            {
                _memo = new (SegKind, EntityKind, string?)?[Math.Max(size, 64)];
            }
            else
            {
                Array.Clear(_memo, 0, size);
            }
        }
        if (a >= _memoStride || b >= _memoStride)
        {
            return ClassifyUncached(run, a, b);
        }
        int slot = a * _memoStride + b;
        if (_memo[slot] is { } cached)
        {
            return cached;
        }
        var result = ClassifyUncached(run, a, b);
        _memo[slot] = result;
        return result;
    }

    // A one-word segment's class depends only on the word (its case, hyphens and all-caps flag come from its characters)
    // and the static lexicons, so it is memoised across documents like the resolver's keys; it saves several
    // case-insensitive lexicon lookups for most capitalised words.
    private static readonly Memo<(SegKind Seg, EntityKind Kind, string? Key)> SingleWordClasses = new(MaxSingleWordClasses);
    private const int MaxSingleWordClasses = 50_000;

    /// <summary>Empties the cross-document memo of one-word classes: for measuring a cold engine.</summary>
    internal static void ClearMemos() => SingleWordClasses.Clear();

    private (SegKind Seg, EntityKind Kind, string? Key) ClassifyUncached(List<int> run, int a, int b)
    {
        if (b - a != 1 || !_t[run[a]].IsWord)
        {
            return ClassifyRange(run, a, b);
        }
        var word = Word(run[a]);
        if (SingleWordClasses.TryGetValue(word, out var known))
        {
            return known;
        }
        var result = ClassifyRange(run, a, b);
        SingleWordClasses.Add(word, result);
        return result;
    }

    private (SegKind Seg, EntityKind Kind, string? Key) ClassifyRange(List<int> run, int a, int b)
    {
        if (IsConnector(run[a]) || IsConnector(run[b - 1]))
        {
            return (SegKind.None, EntityKind.None, null);
        }
        var lastWord = Word(run[b - 1]);
        var firstWord = Word(run[a]);
        // multi-word lexicon entries are looked up only when the first word can start one (saves the phrase string)
        bool phraseLookup = b - a == 1 || Lexicon.MultiWordStarts.Contains(firstWord)
            || (_t[run[a]].Is(TokenFlags.AllCaps) && Lexicon.MultiWordStarts.Contains(TitleCase(firstWord)));
        string phrase = b - a == 1 ? firstWord : phraseLookup ? Phrase(run, a, b) : "";
        (string Key, EntityKind Kind) known;
        if (phraseLookup)
        {
            if (Lexicon.TryKnown(phrase, out known))
            {
                return (SegKind.Name, known.Kind, known.Key);
            }
            if (Lexicon.Demonyms.Contains(phrase))
            {
                return (SegKind.Demonym, EntityKind.None, null);
            }
            if (Lexicon.Titles.Contains(phrase) || (b - a == 1 && Lexicon.RoleNouns.Contains(phrase) && !Lexicon.GivenNames.Contains(phrase)))
            {
                // "Coach Marco Rossi": a capitalised role noun works like a title
                return (SegKind.Title, EntityKind.None, null);
            }
        }
        if (b - a >= 2)
        {
            if (Lexicon.EventCues.Contains(lastWord))
            {
                return (SegKind.Event, EntityKind.None, null);
            }
            // "Director of the Office of ...": a title followed by "of" is not part of the organisation name
            bool titleFirst = (Lexicon.SingleWordTitles.Contains(firstWord) && !Lexicon.OrgHeads.Contains(firstWord) && IsConnector(run[a + 1]))
                || firstWord is "Chief" or "Deputy" or "Vice" or "Assistant" or "Acting"; // "Chief Cabinet Secretary" is a title
            // "Reserve Bank of India", "Security Council of the United Nations": an organisation head before "of"
            for (int k = a + 1; k < b - 1 && !titleFirst; k++)
            {
                if (IsConnector(run[k + 1]) && Word(run[k + 1]) == "of" && Lexicon.OrgCues.Contains(Word(run[k])) && !IsConnector(run[k]))
                {
                    return (SegKind.Name, EntityKind.Organization, null);
                }
            }
            // "External Affairs Minister", "Home Affairs Secretary": words before a one-word title form a title
            if (Lexicon.SingleWordTitles.Contains(lastWord) && !Lexicon.NameStyles.Contains(lastWord) && AllPlainCapitals(run, a, b - 1)
                && !HasNamePrefix(run, a, b - 1))
            {
                return (SegKind.Title, EntityKind.None, null);
            }
            // "U.S. District Judge": the cue word starts a title that continues in the run
            if (b < run.Count && (Lexicon.OrgCues.Contains(lastWord) || Lexicon.GeoCues.Contains(lastWord)) && !IsConnector(run[b])
                && Lexicon.Titles.Contains(lastWord + " " + Word(run[b])))
            {
                return (SegKind.None, EntityKind.None, null);
            }
            // "University College London", "King's College London": a trailing place stays in an institution's name
            if (b - a >= 3 && InstitutionHeads.Contains(Word(run[b - 2])) && !IsConnector(run[b - 2]) && Lexicon.IsLocationName(lastWord))
            {
                return (SegKind.Name, EntityKind.Organization, null);
            }
            // "Parkinson's UK": an unknown possessive and a country name (joined only by PossessiveBeforeCountry)
            if (b - a == 2 && _t[run[a]].Is(TokenFlags.Possessive) && Lexicon.IsLocationName(lastWord) && PossessiveBeforeCountry(run[a], run[a + 1]))
            {
                return (SegKind.Name, EntityKind.Organization, null);
            }
            // "Real Sociedad", "Atletico Madrid", "AC Milan": a club prefix starts a sports club's name
            if (b - a >= 2 && b - a <= 3 && ClubPrefixes.Contains(firstWord) && !IsConnector(run[a + 1]))
            {
                return (SegKind.Name, EntityKind.Organization, null);
            }
            // "North Dorset", "West London": a compass word before a known place
            if (b - a == 2 && CompassWords.Contains(firstWord) && Lexicon.IsLocationName(lastWord))
            {
                return (SegKind.Name, EntityKind.Location, null);
            }
            if (!titleFirst && Lexicon.OrgCues.Contains(lastWord))
            {
                return (SegKind.Name, EntityKind.Organization, null);
            }
            if (!titleFirst && Lexicon.GeoCues.Contains(lastWord))
            {
                // "Manchester City", "Leicester City": a known city followed by "City" is a club, not a place
                if (lastWord == "City" && b - a == 2 && Lexicon.IsLocationName(firstWord))
                {
                    return (SegKind.Name, EntityKind.Organization, null);
                }
                return (SegKind.Name, EntityKind.Location, null);
            }
            if (IsConnector(run[a + 1]) && Word(run[a + 1]) == "of")
            {
                if (Lexicon.GeoHeads.Contains(firstWord) && firstWord != "State")
                {
                    return (SegKind.Name, EntityKind.Location, null);
                }
                if (Lexicon.OrgHeads.Contains(firstWord))
                {
                    return (SegKind.Name, EntityKind.Organization, null);
                }
            }
        }
        // all-caps words: datelines ("BEIJING") and headline capitals
        if (_t[run[a]].Is(TokenFlags.AllCaps) && phraseLookup && phrase.Length >= 4 && !phrase.Contains('.'))
        {
            var tc = TitleCase(phrase);
            if (Lexicon.TryKnown(tc, out known))
            {
                return (SegKind.Name, known.Kind, known.Key);
            }
        }
        return (SegKind.None, EntityKind.None, null);
    }

    /// <summary>"Foreign Ministry" in "Foreign Ministry Spokesperson": a name that a title follows.</summary>
    private bool HasNamePrefix(List<int> run, int a, int b)
    {
        for (int e = b; e > a; e--)
        {
            if (Classify(run, a, e).Seg == SegKind.Name)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Capitalised words that are neither known names, nationality words nor given names.</summary>
    private bool AllPlainCapitals(List<int> run, int a, int b)
    {
        for (int k = a; k < b; k++)
        {
            if (IsConnector(run[k]))
            {
                return false;
            }
            var w = Word(run[k]);
            if (Lexicon.TryKnown(w, out _) || Lexicon.Demonyms.Contains(w) || Lexicon.GivenNames.Contains(w) || Lexicon.AsianSurnames.Contains(w)
                || _t[run[k]].Is(TokenFlags.AllCaps) || _t[run[k]].Is(TokenFlags.Possessive))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The word occurs in lower case in the document (the set holds lower-case-initial words, ordinal).</summary>
    private bool HasLowerForm(string w)
    {
        if (w.Length == 0 || !char.IsUpper(w[0]))
        {
            return _lowerWords.Contains(w);
        }
        Span<char> buf = w.Length <= 64 ? stackalloc char[w.Length] : new char[w.Length];
        w.AsSpan().ToLowerInvariant(buf);
        return _lowerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buf);
    }

    private bool IsCommonLeading(int tokenIndex)
    {
        var w = Word(tokenIndex);
        if (Lexicon.CommonCapitalised.Contains(w))
        {
            return true;
        }
        var tok = _t[tokenIndex];
        if (tok.Is(TokenFlags.SentenceStart) && HasLowerForm(w))
        {
            return true;
        }
        return false;
    }

    private void Segment(List<int> run, bool inTitle)
    {
        int m = run.Count;
        int pos = 0;
        if (m >= 3 && !_heading && AcronymNamesWholeRun(run, inTitle))
        {
            return;
        }
        // drop leading words capitalised only by position ("The", "In", "Relations ...") unless a known name starts there
        while (pos < m && !IsConnector(run[pos]) && IsCommonLeading(run[pos]))
        {
            bool knownStarts = false;
            bool functionWord = Lexicon.CommonCapitalised.Contains(Word(run[pos]));
            for (int b = m; b > pos + 1; b--)
            {
                var c = Classify(run, pos, b);
                // "The Hague" keeps its "The"; "Foreign Ministry" keeps "Foreign" although "foreign" occurs in lower case
                if (c.Seg == SegKind.Name && (c.Key != null || !functionWord))
                {
                    knownStarts = true;
                    break;
                }
            }
            if (knownStarts)
            {
                break;
            }
            pos++;
            while (pos < m && IsConnector(run[pos]))
            {
                pos++;
            }
        }

        SegKind prevSeg = SegKind.None;
        string? prevTitle = null;
        while (pos < m)
        {
            if (IsConnector(run[pos]))
            {
                pos++;
                continue;
            }
            int best = -1;
            (SegKind Seg, EntityKind Kind, string? Key) bestC = default;
            for (int b = m; b > pos; b--)
            {
                var c = Classify(run, pos, b);
                if (c.Seg != SegKind.None)
                {
                    best = b;
                    bestC = c;
                    break;
                }
            }
            // "Opposition MP Sofia Reis", "Senator Georgia Hale": after a title, a one-word place followed by more
            // name words is a given name
            if (best == pos + 1 && prevSeg == SegKind.Title && bestC is { Seg: SegKind.Name, Kind: EntityKind.Location }
                && pos + 1 < m && !IsConnector(run[pos + 1]) && !StartsClassified(run, pos + 1) && !_t[run[pos]].Is(TokenFlags.AllCaps))
            {
                best = -1;
            }
            // "Jordan Whitlock, of Harehills,", "Georgia Pell said": a one-word place and one unknown word with person
            // evidence around them is a given name and a surname
            if (best == pos + 1 && pos == 0 && m == 2 && bestC is { Seg: SegKind.Name, Kind: EntityKind.Location, Key: not null }
                && !IsConnector(run[1]) && !StartsClassified(run, 1) && !_t[run[0]].Is(TokenFlags.AllCaps) && !_t[run[1]].Is(TokenFlags.AllCaps)
                && !_t[run[0]].Is(TokenFlags.Possessive) && !_heading
                && (HasPersonEvidence(Word(run[1])) || PersonShapeAround(run[0], run[1])))
            {
                best = -1;
            }
            // "Paraguayan Energy Vice Minister X": a portfolio word before "Vice/Deputy Minister" belongs to the title,
            // not to an organisation guessed from "Paraguayan Energy"
            if (best > pos + 1 && best < m && bestC is { Seg: SegKind.Name, Kind: EntityKind.Organization, Key: null }
                && Word(run[best]) is "Vice" or "Deputy" or "Junior" or "Assistant" or "Minister" or "Secretary"
                && Lexicon.TitleWords.Contains(Word(run[best - 1])))
            {
                best = -1;
                for (int b = m; b > pos; b--)
                {
                    var c = Classify(run, pos, b);
                    if (c.Seg != SegKind.None && !(c.Seg == SegKind.Name && c.Kind == EntityKind.Organization && c.Key == null))
                    {
                        best = b;
                        bestC = c;
                        break;
                    }
                }
            }
            // "the New South Wales Mid Coast": a known place followed by a region of its own (two or more words that
            // read as a place) is two places, not one unknown name
            if (best - pos >= 3 && bestC is { Seg: SegKind.Name, Kind: EntityKind.Location, Key: null })
            {
                for (int k = best - 2; k > pos; k--)
                {
                    if (Classify(run, pos, k) is { Seg: SegKind.Name, Kind: EntityKind.Location, Key: not null } known
                        && !IsConnector(run[k]) && !IsConnector(run[k - 1])
                        && Classify(run, k, best) is { Seg: SegKind.Name, Kind: EntityKind.Location })
                    {
                        best = k;
                        bestC = known;
                        break;
                    }
                }
            }
            // "Regional Committee for South-East Asia", "Economic Commission for Africa": a body "for" a place is one
            // organisation when the place ends the run
            if (best > pos && best + 1 < m && bestC is { Seg: SegKind.Name, Kind: EntityKind.Organization }
                && IsLowerWord(run[best], "for") && Lexicon.OrgHeads.Contains(Word(run[best - 1]))
                && (Lexicon.IsLocationName(Word(run[m - 1])) || Classify(run, best + 1, m) is { Seg: SegKind.Name, Kind: EntityKind.Location }))
            {
                best = m;
                bestC = (SegKind.Name, EntityKind.Organization, null);
            }
            if (best > 0)
            {
                switch (bestC.Seg)
                {
                    case SegKind.Name:
                        if (best == m - 1 && bestC.Kind == EntityKind.Location && bestC.Key != null && TeamNickname(run[m - 1]))
                        {
                            // "the Boston Celtics", "Los Angeles Lakers": a known city and a plural nickname name a team
                            AddMention(run[pos], run[m - 1], EntityKind.Organization, null, false, inTitle).Guess = true;
                            best = m;
                            break;
                        }
                        if (pos == 0 && best == 1 && m == 2 && CountryPlusBody(run, bestC))
                        {
                            // "the UK Biobank", "the US Treasury": the country and the body it qualifies
                            Emit(run, 0, 1, bestC.Kind, bestC.Key, strong: true, inTitle);
                            AddMention(run[0], run[1], EntityKind.Organization, null, false, inTitle).Guess = true;
                            best = m;
                            break;
                        }
                        // "US Treasury Department": the country modifying an organisation name is a mention too
                        // (only an abbreviated country: "London Stock Exchange", "Japan Airlines" are names of their own)
                        if (bestC.Key == null && best - pos >= 3 && (_t[run[pos]].Is(TokenFlags.AllCaps) || _t[run[pos]].Is(TokenFlags.Dotted))
                            && Classify(run, pos, pos + 1) is { Seg: SegKind.Name, Kind: EntityKind.Location } lead)
                        {
                            Emit(run, pos, pos + 1, lead.Kind, lead.Key, strong: true, inTitle);
                        }
                        Emit(run, pos, best, bestC.Kind, bestC.Key, strong: true, inTitle);
                        break;
                    case SegKind.Demonym:
                        // "the Korean peninsula": demonym + lower-case geographic noun is a place
                        if (best == m && run[best - 1] + 1 < _t.Count && _t[run[best - 1] + 1].IsWord)
                        {
                            int nx = run[best - 1] + 1;
                            var nw = Word(nx);
                            if (LowerGeoNouns.Contains(nw))
                            {
                                AddMention(run[pos], nx, EntityKind.Location, null, true, inTitle);
                            }
                        }
                        break;
                    case SegKind.Title:
                        prevTitle = Phrase(run, pos, best);
                        break;
                }
                prevSeg = bestC.Seg;
                pos = best;
                continue;
            }
            // weak segment: up to the next connector or the next position where a classified segment starts
            int end = pos + 1;
            while (end < m && !IsConnector(run[end]) && !StartsClassified(run, end))
            {
                end++;
            }
            ClassifyWeak(run, pos, end, prevSeg, prevTitle, inTitle);
            prevSeg = SegKind.Name;
            pos = end;
        }
    }

    /// <summary>
    /// "All India Anna Dravida Munnetra Kazhagam (AIADMK)": a run of three or more words followed by its initials
    /// in brackets is one organisation, whatever its words look like on their own.
    /// </summary>
    private bool AcronymNamesWholeRun(List<int> run, bool inTitle)
    {
        int last = run[^1];
        if (last + 3 >= _t.Count || _text[_t[last + 1].Start] != '(' || _text[_t[last + 3].Start] != ')' || !_t[last + 2].Is(TokenFlags.AllCaps))
        {
            return false;
        }
        var acronym = Word(last + 2);
        if (Lexicon.NonEntityAcronyms.Contains(acronym) || Lexicon.EventCues.Contains(Word(last)))
        {
            return false;
        }
        for (int start = 0; start <= 1 && run.Count - start >= 3; start++)
        {
            if (IsConnector(run[start]))
            {
                continue;
            }
            var c = Classify(run, start, run.Count);
            if (c.Seg != SegKind.None && c.Seg != SegKind.Name)
            {
                return false;
            }
            if (c.Key != null || c.Kind != EntityKind.None)
            {
                return false; // a known or cue-typed name is handled by the normal segmentation
            }
            if (EntityResolver.Initials(Phrase(run, start, run.Count)) == acronym)
            {
                var m = AddMention(run[start], last, EntityKind.Organization, null, false, inTitle);
                m.Guess = true;
                return true;
            }
        }
        return false;
    }

    private bool StartsClassified(List<int> run, int a)
    {
        for (int b = run.Count; b > a; b--)
        {
            if (Classify(run, a, b).Seg != SegKind.None)
            {
                return true;
            }
        }
        return false;
    }

    private void ClassifyWeak(List<int> run, int a, int b, SegKind prevSeg, string? prevTitle, bool inTitle)
    {
        // strip a sentence-initial positional capital (and a name particle left behind: "Later van Dijk")
        while (a < b && (IsCommonLeading(run[a]) || NameParticles.Contains(Word(run[a]))))
        {
            a++;
        }
        if (a >= b)
        {
            return;
        }
        int count = b - a;
        int firstTok = run[a];
        int lastTok = run[b - 1];
        var first = Word(firstTok);
        int before = run[0] - 1;
        int after = lastTok + 1;
        bool afterIsVerb = after < _t.Count && _t[after].IsWord && Lexicon.ReportingVerbs.Contains(Word(after));
        bool afterAppositiveRole = AppositiveRoleAfter(after);
        bool beforeRole = a == 0 && before >= 0 && _t[before].IsWord && char.IsLower(_text[_t[before].Start])
            && Lexicon.RoleNouns.Contains(Word(before));
        // "the agriculture minister, Hélène Marchetti, said": a role noun and a comma before the name
        beforeRole |= a == 0 && before >= 1 && _text[_t[before].Start] == ',' && _t[before - 1].IsWord
            && char.IsLower(_text[_t[before - 1].Start]) && Lexicon.RoleNouns.Contains(Word(before - 1));
        bool titleBefore = prevSeg == SegKind.Title && prevTitle != null;
        bool personCue = titleBefore || beforeRole || afterIsVerb || afterAppositiveRole;

        if (titleBefore && Lexicon.NameStyles.Contains(prevTitle!) && count == 1)
        {
            // "Prince Charles", "Lord Falconer": the style is the only name given
            var m = AddMention(run[a] - 1 >= 0 ? FindTitleStart(run, a) : firstTok, lastTok, EntityKind.Person, null, true, inTitle);
            m.Surface = prevTitle + " " + Word(lastTok);
            return;
        }

        if (a == 0 && OrgNounBefore(firstTok) && !titleBefore && !_heading)
        {
            AddMention(firstTok, lastTok, EntityKind.Organization, null, false, inTitle).Guess = true;
            return;
        }
        if (count >= 2)
        {
            bool givenFirst = Lexicon.GivenNames.Contains(first);
            bool asian = Lexicon.AsianSurnames.Contains(first) && count <= 3;
            // "X said" makes a person only of a name-shaped phrase ("Severn Vale Water said" is a company)
            bool camel = AnyCamelCase(run, a, b);
            bool nameShape = !AnyCommonWord(run, a, b) && !AnyNounOrAdjectiveSuffix(run, a, b) && !camel;
            bool saidBefore = a == 0 && before >= 0 && IsSaidVerb(before);
            // "Analysts at Peel Hunt said": the verb belongs to the people working there
            bool employer = EmployerBefore(firstTok);
            if (givenFirst || asian || titleBefore || beforeRole || afterAppositiveRole || ((afterIsVerb || saidBefore) && nameShape && !employer))
            {
                AddMention(firstTok, lastTok, EntityKind.Person, null, givenFirst || asian || titleBefore, inTitle);
                return;
            }
            if (_heading)
            {
                var d = AddMention(firstTok, lastTok, EntityKind.None, null, false, inTitle);
                d.Deferred = true;
                return;
            }
            if (IsDateline(firstTok, lastTok))
            {
                var dl = AddMention(firstTok, lastTok, EntityKind.Location, null, false, inTitle);
                dl.Surface = TitleCase(dl.Surface);
                dl.Guess = true;
                return;
            }
            var context = KindFromContext(firstTok, lastTok);
            if (context == EntityKind.None && a == 0 && LocationListItem(firstTok))
            {
                context = EntityKind.Location; // "in Dibrugarh, Jorhat and Nimati Ghat"
            }
            if (context == EntityKind.None && camel)
            {
                context = EntityKind.Organization; // "Chipmaker NeuroForge said": a brand-shaped word in the name
            }
            if (context != EntityKind.None)
            {
                AddMention(firstTok, lastTok, context, null, false, inTitle).Guess = true;
                return;
            }
            if (SiteNounFollows(after))
            {
                AddMention(firstTok, lastTok, EntityKind.Location, null, false, inTitle).Guess = true;
                return;
            }
            if (a == 0 && before >= 0 && _t[before].IsWord && SitePrepositions.Contains(Word(before)))
            {
                AddMention(firstTok, lastTok, EntityKind.Location, null, false, inTitle).Guess = true;
                return;
            }
            if (first is "Le" or "La" or "El" or "Al" or "Der" or "Die" or "Il")
            {
                // "Le Figaro", "El Pais", "Die Zeit": a foreign article starts the name of a paper or channel
                AddMention(firstTok, lastTok, EntityKind.Organization, null, false, inTitle).Guess = true;
                return;
            }
            if (count <= 3 && nameShape && (HasPersonEvidence(Word(lastTok)) || PersonShapeAround(firstTok, lastTok)))
            {
                // the surname is used alone with a reporting verb or an honorific elsewhere ("Montañez told ...")
                AddMention(firstTok, lastTok, EntityKind.Person, null, false, inTitle).Guess = true;
                return;
            }
            // no evidence either way: kept only if another mention of the same name is typed
            AddMention(firstTok, lastTok, EntityKind.None, null, false, inTitle).Deferred = true;
            return;
        }

        // a single word
        var tok = _t[firstTok];
        if (a == 0 && before >= 0 && IsLowerWord(before, "the") && (Lexicon.OrgCues.Contains(first) || Lexicon.GeoCues.Contains(first)))
        {
            var s = AddMention(firstTok, firstTok, EntityKind.None, null, false, inTitle);
            s.ShortForm = true;
            s.Deferred = true;
            return;
        }
        if (Lexicon.OrgCues.Contains(first) || Lexicon.GeoCues.Contains(first) || Lexicon.TitleWords.Contains(first)
            || Lexicon.EventCues.Contains(first) || Lexicon.Demonyms.Contains(first))
        {
            return;
        }
        if (tok.Is(TokenFlags.AllCaps) && Lexicon.NonEntityAcronyms.Contains(first))
        {
            return; // "your GP", "5:48 PM MST": common-noun and time-zone abbreviations
        }
        if (!_heading && IsDateline(firstTok, lastTok))
        {
            var dl = AddMention(firstTok, firstTok, EntityKind.Location, null, false, inTitle);
            dl.Surface = TitleCase(dl.Surface);
            dl.Guess = true;
            return;
        }
        if (tok.Is(TokenFlags.AllCaps) && !tok.Is(TokenFlags.Dotted) && !Lexicon.NonEntityAcronyms.Contains(first)
            && first.Length is >= 2 and <= 6 && first.All(char.IsLetterOrDigit))
        {
            var d = AddMention(firstTok, firstTok, EntityKind.None, null, false, inTitle);
            d.Deferred = true;
            MarkBracket(d);
            return;
        }
        if (titleBefore && !_heading)
        {
            AddMention(firstTok, firstTok, EntityKind.Person, null, true, inTitle);
            return;
        }
        if (a == 0 && !_heading && ReportingVerbAfterApposition(after))
        {
            // "Kishida, speaking to lawmakers, said ...": the subject of a reporting verb is a person
            AddMention(firstTok, firstTok, EntityKind.Person, null, false, inTitle).Guess = true;
            return;
        }
        if (titleBefore || beforeRole)
        {
            AddMention(firstTok, firstTok, EntityKind.Person, null, false, inTitle).Deferred = _heading;
            return;
        }
        if (SiteNounFollows(after) && !_heading)
        {
            AddMention(firstTok, firstTok, EntityKind.Location, null, false, inTitle).Guess = true;
            return;
        }
        var dm = AddMention(firstTok, firstTok, EntityKind.None, null, false, inTitle);
        dm.Deferred = true;
        if (!_heading)
        {
            if (afterIsVerb)
            {
                dm.Kind = EntityKind.Person; // kept as a guess when no fuller name resolves it
                dm.Guess = true;
            }
            else if (IsCamelCase(first))
            {
                dm.Kind = EntityKind.Organization; // "FactSet", "WhatsApp", "in LaLiga": inner capitals mark brand names
                dm.Guess = true;
            }
            else if (KindFromContext(firstTok, firstTok) is var ck && ck != EntityKind.None)
            {
                // before the "in X" guess: "shares in Tarnbridge plc", "in Villa have ..." say more than the preposition
                dm.Kind = ck;
                dm.Guess = true;
            }
            else if (a == 0 && before >= 0 && _t[before].IsWord && LocationPrepositions.Contains(Word(before)) && !tok.Is(TokenFlags.SentenceStart))
            {
                dm.Kind = EntityKind.Location;
                dm.Guess = true;
            }
            else if (a == 0 && LocationListItem(firstTok))
            {
                dm.Kind = EntityKind.Location;
                dm.Guess = true;
            }
        }
    }

    /// <summary>
    /// Type of an unknown name from the words around it: "X have completed" (a team or company takes a plural
    /// verb in British usage), "X chief executive Y" (an employer before a role and a name), "served by X",
    /// "the X government", "MP for X", "from X", "Chennai (X)", "X, Arizona".
    /// </summary>
    private EntityKind KindFromContext(int firstTok, int lastTok)
    {
        int after = lastTok + 1;
        int before = firstTok - 1;
        int n = _t.Count;
        bool listBefore = before >= 0 && (_text[_t[before].Start] is ',' or '&' || IsLowerWord(before, "and"));
        if (after < n && _t[after].IsWord && char.IsLower(_text[_t[after].Start]))
        {
            var w = Word(after);
            if ((w is "have" or "are" or "were") && !listBefore && SubjectPosition(before)
                && (lastTok > firstTok || !_t[firstTok].Is(TokenFlags.SentenceStart) || PluralVerbSubject(Word(firstTok))))
            {
                return EntityKind.Organization;
            }
            if (w == "government")
            {
                return EntityKind.Location;
            }
            // "a Brookfield resident", "Millbrae residents say": people are residents of a place
            if (w is "resident" or "residents" or "homeowners" or "villagers" or "townspeople")
            {
                return EntityKind.Location;
            }
            if (w == "plc")
            {
                return EntityKind.Organization; // "Tarnbridge plc": the British public-company suffix
            }
            // "Sociedad president Jokin Arrieta", "Villa head coach Graham Pellow"
            for (int k = after; k < n && k < after + 2 && _t[k].IsWord && char.IsLower(_text[_t[k].Start]) && Lexicon.RoleNouns.Contains(Word(k)); k++)
            {
                if (k + 1 < n && IsNameToken(k + 1) && !_t[k + 1].Is(TokenFlags.SentenceStart)
                    && (lastTok > firstTok || !_t[firstTok].Is(TokenFlags.SentenceStart) || CapitalisedMidSentence(Word(firstTok))))
                {
                    return EntityKind.Organization;
                }
            }
        }
        if (before >= 1 && _t[before].IsWord && char.IsLower(_text[_t[before].Start]))
        {
            var p = Word(before);
            if (p == "for" && SeatHolders.Contains(Word(before - 1)))
            {
                return EntityKind.Location;
            }
            if (p == "by" && OrgAgentVerbs.Contains(Word(before - 1)))
            {
                return EntityKind.Organization;
            }
            if (EmployerBefore(firstTok))
            {
                return EntityKind.Organization;
            }
            if (p == "against" && firstTok == lastTok && !_t[firstTok].Is(TokenFlags.SentenceStart) && !Lexicon.GivenNames.Contains(Word(firstTok)))
            {
                // "his debut against Brentford", "a lawsuit against Initech": an opponent named by one word is a team
                // or a company (a known country or a person's surname is resolved before this guess)
                return EntityKind.Organization;
            }
            if (p == "from" && !_t[firstTok].Is(TokenFlags.SentenceStart))
            {
                return EntityKind.Location;
            }
            // "a tanker seized off Port Xanadu": "off" before a name places it at sea or on a coast
            if (p == "off" && !_t[firstTok].Is(TokenFlags.SentenceStart))
            {
                return EntityKind.Location;
            }
            if (p == "of" && before >= 1 && _t[before - 1].IsWord && char.IsLower(_text[_t[before - 1].Start]))
            {
                var noun = Word(before - 1);
                // "the provincial government of X", "the outskirts of X"
                if (noun is "government" or "governor" or "outskirts" or "coast" or "capital" or "residents" or "people")
                {
                    return EntityKind.Location;
                }
                // "owner of X", "founder of X": a business
                if (noun is "owner" or "owners" or "co-owner" or "founder" or "co-founder" or "cofounder" or "proprietor" or "shareholders"
                    or "employees" or "franchisee")
                {
                    return EntityKind.Organization;
                }
            }
        }
        // "X, a trade group,", "X, a family-owned company": an appositive naming an organisation noun
        if (after + 2 < n && _text[_t[after].Start] == ',' && (IsLowerWord(after + 1, "a") || IsLowerWord(after + 1, "an")))
        {
            for (int k = after + 2; k < n && k < after + 5 && _t[k].IsWord && char.IsLower(_text[_t[k].Start]); k++)
            {
                var noun = Word(k);
                if (Lexicon.OrgNouns.Contains(noun) || noun is "association" or "nonprofit" or "non-profit" or "coalition" or "cooperative" or "business")
                {
                    return k + 1 < n && _t[k + 1].IsWord && char.IsLower(_text[_t[k + 1].Start]) && Word(k + 1) is "of" or "for" or "in" or "from"
                        && noun is "group" or "union" ? EntityKind.None : EntityKind.Organization;
                }
            }
        }
        // "Bhopal (Madhya Pradesh)": a place followed by its known region in brackets
        if (after + 2 < n && _text[_t[after].Start] == '(' && _t[after + 1].IsWord && _t[after + 1].IsCap)
        {
            int close = after + 2;
            while (close < n && close < after + 5 && _t[close].IsWord)
            {
                close++;
            }
            if (close < n && _text[_t[close].Start] == ')'
                && Lexicon.IsLocationName(_text.Substring(_t[after + 1].Start, _t[close - 1].CoreEnd - _t[after + 1].Start)))
            {
                return EntityKind.Location;
            }
        }
        // "Chennai (Tamil Nadu)": a region in brackets after a known place
        if (before >= 1 && _text[_t[before].Start] == '(' && after < n && _text[_t[after].Start] == ')' && _t[before - 1].IsWord
            && Lexicon.IsLocationName(Word(before - 1)))
        {
            return EntityKind.Location;
        }
        // "Scottsdale, Arizona": a place followed by its state or country
        if (after + 1 < n && _text[_t[after].Start] == ',' && _t[after + 1].IsWord && _t[after + 1].IsCap
            && Lexicon.IsLocationName(Word(after + 1)) && !_t[after + 1].Is(TokenFlags.Possessive)
            && (after + 2 >= n || !_t[after + 2].IsWord || !_t[after + 2].IsCap))
        {
            return EntityKind.Location;
        }
        return EntityKind.None;
    }

    /// <summary>"Residents of X were told": after a preposition the name is not the subject of the verb that follows.</summary>
    private bool SubjectPosition(int before) =>
        before < 0 || !_t[before].IsWord || _t[before].IsCap || IsLowerWord(before, "the") || IsLowerWord(before, "and");

    // Provenance: English plural nouns without a final "s" that open sentences ("People are ...", "Staff were ...").
    private static readonly FrozenSet<string> IrregularPlurals = new[]
    {
        "People", "Children", "Women", "Men", "Staff", "Police", "Youth", "Cattle", "Data", "Media", "Personnel", "Clergy",
        "Crew", "Public", "Folk", "Livestock", "Feet", "Teeth", "Mice", "Geese",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Chelsea have postponed" opening a sentence: a club or company with a plural verb; "Consumers are", "People
    /// were" are common plural nouns.
    /// </summary>
    private bool PluralVerbSubject(string w) => !w.EndsWith('s') && !IrregularPlurals.Contains(w) && !Lexicon.CommonCapitalised.Contains(w)
        && !HasLowerForm(w);

    /// <summary>"analysts at X", "economists from X", "researchers at X": a role noun (plural) before at/from/with.</summary>
    private bool EmployerBefore(int firstTok)
    {
        int p = firstTok - 1;
        if (p < 1 || !(IsLowerWord(p, "at") || IsLowerWord(p, "from") || IsLowerWord(p, "with")) || !_t[p - 1].IsWord
            || (!char.IsLower(_text[_t[p - 1].Start]) && !_t[p - 1].Is(TokenFlags.SentenceStart)))
        {
            return false;
        }
        var r = _t[p - 1].Is(TokenFlags.SentenceStart) ? Word(p - 1).ToLowerInvariant() : Word(p - 1);
        if (r is "analysts" or "economists" or "researchers" or "scientists" or "engineers" or "executives" or "staff" or "workers")
        {
            return true;
        }
        // "a councillor from Yarrowby" is a place: with "from", only the professions above name an employer
        return !IsLowerWord(p, "from") && (Lexicon.RoleNouns.Contains(r) || (r.Length > 3 && r[^1] == 's' && Lexicon.RoleNouns.Contains(r[..^1])));
    }

    /// <summary>"the districts of X, Y and Z", "in X, Y and Z": items of a list share the place context before it.</summary>
    private bool LocationListItem(int firstTok)
    {
        int k = firstTok - 1;
        int items = 0;
        while (k >= 2 && items < 8 && (_text[_t[k].Start] == ',' || IsLowerWord(k, "and") || IsLowerWord(k, "or"))
            && IsNameToken(k - 1) && !(k - 2 >= 0 && IsNameToken(k - 2)))
        {
            k -= 2;
            items++;
        }
        if (k < 1 || !_t[k].IsWord || !char.IsLower(_text[_t[k].Start]))
        {
            return false;
        }
        var w = Word(k);
        if (w == "of")
        {
            // "districts of", "the state of": a lower-case place noun before "of"
            var noun = k >= 1 && _t[k - 1].IsWord ? Word(k - 1) : "";
            return noun.Length > 2 && (Lexicon.SiteNouns.Contains(noun) || (noun[^1] == 's' && Lexicon.SiteNouns.Contains(noun[..^1]))
                || noun is "cities" or "counties" or "state" or "states");
        }
        return items > 0 && (LocationPrepositions.Contains(w) || w == "from");
    }

    private bool AnyCamelCase(List<int> run, int a, int b)
    {
        for (int k = a; k < b; k++)
        {
            if (IsCamelCase(Word(run[k])))
            {
                return true;
            }
        }
        return false;
    }

    private HashSet<string>? _midSentenceCaps;

    /// <summary>
    /// The word also occurs capitalised inside a sentence: a sentence-opening "Villa head coach ..." is the club
    /// named elsewhere, "Local councillor ..." is an adjective capitalised by position.
    /// </summary>
    private bool CapitalisedMidSentence(string word)
    {
        if (_midSentenceCaps == null)
        {
            _midSentenceCaps = new HashSet<string>(StringComparer.Ordinal);
            for (int k = 0; k < _t.Count; k++)
            {
                if (_t[k].IsWord && _t[k].IsCap && !_t[k].Is(TokenFlags.SentenceStart))
                {
                    _midSentenceCaps.Add(Word(k));
                }
            }
        }
        return _midSentenceCaps.Contains(word);
    }

    /// <summary>"FactSet", "WhatsApp", "LaLiga": a capital inside a word marks a brand (not "McKenzie", "DeSantis").</summary>
    private static bool IsCamelCase(string w)
    {
        if (w.Length < 4 || w.StartsWith("Mc", StringComparison.Ordinal) || w.StartsWith("Mac", StringComparison.Ordinal)
            || w.StartsWith("De", StringComparison.Ordinal) || w.StartsWith("Di", StringComparison.Ordinal)
            || w.StartsWith("Le", StringComparison.Ordinal) || w.StartsWith("Van", StringComparison.Ordinal))
        {
            return false;
        }
        for (int k = 2; k < w.Length; k++)
        {
            if (char.IsUpper(w[k]) && char.IsLower(w[k - 1]))
            {
                return true;
            }
            if (!char.IsLetter(w[k]))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>"LILONGWE - ...", "PHOENIX (Reuters) - ...": all-capital words opening a paragraph before a dash.</summary>
    private bool IsDateline(int firstTok, int lastTok)
    {
        if (!_t[firstTok].Is(TokenFlags.ParagraphStart) || lastTok + 1 >= _t.Count || Word(firstTok).Length < 3
            || HasLowerForm(Word(firstTok)) || Lexicon.CommonCapitalised.Contains(TitleCase(Word(firstTok))))
        {
            return false; // "WARNING - ...", "NOTE - ...": a common word in capitals, not a place
        }
        for (int k = firstTok; k <= lastTok; k++)
        {
            if (!_t[k].Is(TokenFlags.AllCaps))
            {
                return false;
            }
        }
        int after = lastTok + 1;
        if (_text[_t[after].Start] == ',')
        {
            // "GUWAHATI, June 20 (Reuters) -": a date (and a credit) between the place and the dash
            bool dated = false;
            int k = after + 1;
            for (; k < _t.Count && k < after + 10; k++)
            {
                var c = _text[_t[k].Start];
                if (c is '-' or '\u2013' or '\u2014')
                {
                    break;
                }
                dated |= _t[k].IsWord && (char.IsDigit(c) || Lexicon.MonthsDays.Contains(Word(k)));
            }
            return dated && k < _t.Count && _text[_t[k].Start] is '-' or '\u2013' or '\u2014' && _text[_t[k].Start - 1] == ' ';
        }
        if (_text[_t[after].Start] == '(')
        {
            int close = after + 1;
            while (close < _t.Count && close < after + 6 && _text[_t[close].Start] != ')')
            {
                close++;
            }
            after = close + 1;
        }
        return after < _t.Count && _text[_t[after].Start] is '-' or '\u2013' or '\u2014' && _t[after].Start > 0 && _text[_t[after].Start - 1] == ' ';
    }

    private HashSet<string>? _personEvidence;

    /// <summary>
    /// Person context right around a name: "according to X", "X, who ...", "X, 45, ...", or "he"/"she" as the next
    /// subject before any other name ("Tendai Moyo ... He said").
    /// </summary>
    private bool PersonShapeAround(int firstTok, int lastTok)
    {
        int n = _t.Count;
        if (firstTok >= 2 && IsLowerWord(firstTok - 1, "to") && IsLowerWord(firstTok - 2, "according"))
        {
            return true;
        }
        int after = lastTok + 1;
        if (after + 1 < n && _text[_t[after].Start] == ',')
        {
            var next = _t[after + 1];
            // "X, who ...", "X, of Leeds,", "X, aged 24", "X, 45,"
            if (IsLowerWord(after + 1, "who") || IsLowerWord(after + 1, "aged")
                || (IsLowerWord(after + 1, "of") && after + 2 < n && IsNameToken(after + 2) && after + 3 < n && _text[_t[after + 3].Start] == ',')
                || (next.IsWord && char.IsDigit(_text[next.Start]) && next.End - next.Start <= 3
                && after + 2 < n && _text[_t[after + 2].Start] == ','))
            {
                return true;
            }
        }
        for (int k = after; k < n && k < after + 40; k++)
        {
            if (!_t[k].IsWord)
            {
                continue;
            }
            if (_t[k].IsCap && !_t[k].Is(TokenFlags.SentenceStart))
            {
                return false; // another name comes first
            }
            var w = Word(k);
            if (w is "he" or "she" or "He" or "She")
            {
                return true;
            }
            if (w is "it" or "It" or "they" or "They")
            {
                return false;
            }
        }
        return false;
    }

    // Provenance: verbs of saying that precede their subject in news inversion ("said Karin Holm"); verbs whose
    // object is the addressee ("told Reuters", "urged X") are left out.
    private static readonly FrozenSet<string> SaidVerbs = new[]
    {
        "said", "says", "added", "adds", "noted", "wrote", "writes", "explained", "continued", "recalled", "remarked",
        "commented", "replied", "answered", "admitted", "acknowledged", "conceded", "insisted",
    }.ToFrozenSet(StringComparer.Ordinal);

    private bool IsSaidVerb(int k) => k >= 0 && _t[k].IsWord && char.IsLower(_text[_t[k].Start]) && SaidVerbs.Contains(Word(k));

    /// <summary>
    /// The word is used on its own as a person elsewhere in the text: before a reporting verb ("Pellow said") or
    /// after an honorific ("Ms Thornbury"). Built once per text.
    /// </summary>
    private bool HasPersonEvidence(string word)
    {
        if (_personEvidence == null)
        {
            _personEvidence = new HashSet<string>(StringComparer.Ordinal);
            for (int k = 0; k < _t.Count; k++)
            {
                if (!_t[k].IsWord || !_t[k].IsCap)
                {
                    continue;
                }
                bool honorific = k >= 1 && _t[k - 1].IsWord && (Lexicon.Honorifics.Contains(Word(k - 1))
                    || (_t[k - 1].IsCap && Lexicon.SingleWordTitles.Contains(Word(k - 1)) && !Lexicon.OrgCues.Contains(Word(k - 1))));
                bool alone = k == 0 || !_t[k - 1].IsWord || !_t[k - 1].IsCap;
                bool verb = alone && ((k + 1 < _t.Count && _t[k + 1].IsWord && Lexicon.ReportingVerbs.Contains(Word(k + 1)))
                    || (k >= 1 && IsSaidVerb(k - 1) && (k + 1 >= _t.Count || !IsNameToken(k + 1))));
                if (honorific || verb)
                {
                    _personEvidence.Add(Word(k));
                }
            }
        }
        return _personEvidence.Contains(word);
    }

    /// <summary>A word of the phrase also occurs in lower case in the document ("Special Strategic Partnership").</summary>
    private bool AnyCommonWord(List<int> run, int a, int b)
    {
        for (int k = a; k < b; k++)
        {
            if (HasLowerForm(Word(run[k])))
            {
                return true;
            }
        }
        return false;
    }

    // Provenance: English derivational suffixes of nouns and adjectives that personal names rarely end with.
    private static readonly string[] NonNameSuffixes =
    [
        "tic", "gic", "ive", "ous", "ship", "ment", "tion", "sion", "ity", "ness", "ism", "ance", "ence", "ical", "able",
        "ible", "ward", "wards", "ing", "ary", "ory", "ics", "ure",
    ];

    private bool AnyNounOrAdjectiveSuffix(List<int> run, int a, int b)
    {
        for (int k = a; k < b; k++)
        {
            var w = Word(run[k]);
            foreach (var suffix in NonNameSuffixes)
            {
                if (w.Length > suffix.Length + 2 && w.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private int FindTitleStart(List<int> run, int a)
    {
        int k = a - 1;
        while (k > 0 && !IsConnector(run[k - 1]) && Lexicon.TitleWords.Contains(Word(run[k - 1])))
        {
            k--;
        }
        return run[Math.Max(0, k)];
    }

    private bool SiteNounFollows(int after)
    {
        for (int k = after; k < _t.Count && k < after + 4; k++)
        {
            if (!_t[k].IsWord || !char.IsLower(_text[_t[k].Start]))
            {
                return false;
            }
            if (Lexicon.SiteNouns.Contains(Word(k)))
            {
                return true;
            }
            if (Lexicon.ReportingVerbs.Contains(Word(k)) || ClausePrepositions.Contains(Word(k)))
            {
                return false; // "Arrieta told radio station ...", "X walks out over farm bill": the noun is in another phrase
            }
        }
        return false;
    }

    /// <summary>", speaking to lawmakers, said": a reporting verb within a short comma-delimited aside.</summary>
    private bool ReportingVerbAfterApposition(int after)
    {
        if (after >= _t.Count || _text[_t[after].Start] != ',')
        {
            return false;
        }
        for (int k = after + 1; k < _t.Count && k < after + 9; k++)
        {
            if (_t[k].Is(TokenFlags.SentenceEnd))
            {
                return false;
            }
            if (_t[k].IsWord && Lexicon.ReportingVerbs.Contains(Word(k)))
            {
                return Word(k) is "speaking" || k > after + 1 && _text[_t[k - 1].Start] == ',';
            }
        }
        return false;
    }

    /// <summary>"X, the spokesperson," / "X, State Councilor and ...": a role noun right after a comma.</summary>
    private bool AppositiveRoleAfter(int after)
    {
        if (after >= _t.Count || _text[_t[after].Start] != ',')
        {
            return false;
        }
        for (int k = after + 1; k < _t.Count && k < after + 6; k++)
        {
            if (!_t[k].IsWord)
            {
                return false;
            }
            var w = Word(k);
            if (Lexicon.RoleNouns.Contains(w) || Lexicon.Titles.Contains(w))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"environmental group Clean North Sea", "The developer, Northlight Renewables,": an organisation noun before the name.</summary>
    private bool OrgNounBefore(int firstTok)
    {
        int k = firstTok - 1;
        if (k >= 1 && _text[_t[k].Start] == ',')
        {
            k--;
        }
        if (k < 0 || !_t[k].IsWord || !char.IsLower(_text[_t[k].Start]))
        {
            return false;
        }
        var w = Word(k);
        // "radio station Cadena SER", "TV channel X", "news website X" (a power station or a railway station is a place)
        return Lexicon.OrgNouns.Contains(w)
            || (w is "station" or "channel" or "website" or "site" && k >= 1 && _t[k - 1].IsWord && Word(k - 1) is "radio" or "television" or "TV" or "news" or "music");
    }

    private void Emit(List<int> run, int a, int b, EntityKind kind, string? key, bool strong, bool inTitle)
    {
        if (key == null && kind == EntityKind.Location && a == 0 && OrgNounBefore(run[a]))
        {
            kind = EntityKind.Organization;
        }
        var m = AddMention(run[a], run[b - 1], kind, key, strong, inTitle);
        MarkBracket(m);
    }

    private static bool SameLetters(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 3)
        {
            return false;
        }
        var x = a.ToCharArray();
        var y = b.ToCharArray();
        Array.Sort(x);
        Array.Sort(y);
        return x.AsSpan().SequenceEqual(y);
    }

    /// <summary>An abbreviation in brackets right after a name ("... of Korea (DPRK)") names the same entity.</summary>
    private void MarkBracket(Mention m)
    {
        int k = m.FirstToken - 1;
        if (k >= 1 && _text[_t[k].Start] == '(' && m.LastToken + 1 < _t.Count && _text[_t[m.LastToken + 1].Start] == ')'
            && _t[m.FirstToken].Is(TokenFlags.AllCaps))
        {
            for (int x = _out.Count - 2; x >= 0; x--)
            {
                if (_out[x].LastToken == k - 1)
                {
                    // "Washington (AP)" is a credit, not an abbreviation: the letters must fit the name
                    var full = _out[x].Surface;
                    var abbr = m.Surface;
                    // ("Ministry of Commerce (MOFCOM)": syllable acronyms only share the first letter)
                    // ("National Liberation Front (FLN)": an acronym of the name in its own language has the same
                    // initials in another order)
                    if (EntityResolver.Initials(full) == abbr || (full.Length > 0 && abbr[0] == char.ToUpperInvariant(full[0]) && abbr.Length <= 8)
                        || SameLetters(EntityResolver.Initials(full), abbr))
                    {
                        m.BracketOf = _out[x];
                    }
                    break;
                }
                if (_out[x].LastToken < k - 1)
                {
                    break;
                }
            }
        }
    }

    private Mention AddMention(int firstTok, int lastTok, EntityKind kind, string? key, bool strong, bool inTitle)
    {
        int start = _t[firstTok].Start;
        int end = _t[lastTok].CoreEnd;
        var surface = _text.Substring(start, end - start);
        if (surface.Contains('\n') || surface.Contains("  ", StringComparison.Ordinal))
        {
            surface = string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        if (_t[firstTok].Is(TokenFlags.AllCaps) && surface.Length >= 4 && !surface.Contains('.') && key != null
            && !string.Equals(key, surface, StringComparison.Ordinal) && Lexicon.TryKnown(TitleCase(surface), out _)
            && !Lexicon.AliasesByKey[key].Contains(surface, StringComparer.Ordinal))
        {
            surface = TitleCase(surface); // dateline "BEIJING" is the city Beijing
        }
        var m = new Mention
        {
            Kind = kind,
            Start = start + _baseOffset,
            End = end + _baseOffset,
            Surface = surface,
            InTitle = inTitle,
            Strong = strong,
            LexKey = key,
            FirstToken = firstTok,
            LastToken = lastTok,
        };
        _out.Add(m);
        return m;
    }
}
