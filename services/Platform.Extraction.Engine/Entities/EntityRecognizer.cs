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
    private readonly bool _heading;
    private readonly HashSet<string> _lowerWords;
    private readonly int _baseOffset;
    private readonly List<Mention> _out = [];

    private enum SegKind { None, Title, Demonym, Event, Name }

    private EntityRecognizer(string text, List<Token> tokens, bool heading, HashSet<string> lowerWords, int baseOffset)
    {
        _text = text;
        _t = tokens;
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
    private readonly (SegKind Seg, EntityKind Kind, string? Key)?[,] _memo = new (SegKind, EntityKind, string?)?[MaxRunTokens + 1, MaxRunTokens + 1];
    private List<int>? _memoRun;

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
        while (i < n)
        {
            if (!IsNameToken(i))
            {
                i++;
                continue;
            }
            var run = new List<int> { i };
            int j = i + 1;
            while (j < n && run.Count < MaxRunTokens)
            {
                var prev = _t[run[^1]];
                if (prev.Is(TokenFlags.Possessive))
                {
                    // plural possessive "Farmers'": the apostrophe is its own token
                    int after = j < n && !_t[j].IsWord && Tokenizer.IsApostrophe(_text[_t[j].Start]) && _t[j].Start == prev.End ? j + 1 : j;
                    if (!PossessiveInName.Contains(Word(run[^1])) && !PossessiveBeforeOrgCue(run[^1], after))
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

    /// <summary>"Scottish Fishermen's Federation": a plain plural possessive inside an organisation name.</summary>
    private bool PossessiveBeforeOrgCue(int possessive, int next)
    {
        var w = Word(possessive);
        if (Lexicon.TryKnown(w, out _) || Lexicon.GivenNames.Contains(w) || Lexicon.AsianSurnames.Contains(w))
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
        if (!ReferenceEquals(run, _memoRun))
        {
            _memoRun = run;
            Array.Clear(_memo);
        }
        if (b - a <= MaxRunTokens && _memo[a, b] is { } cached)
        {
            return cached;
        }
        var result = ClassifyUncached(run, a, b);
        _memo[a, b] = result;
        return result;
    }

    private (SegKind Seg, EntityKind Kind, string? Key) ClassifyUncached(List<int> run, int a, int b)
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
            if (b < run.Count && !IsConnector(run[b]) && Lexicon.Titles.Contains(lastWord + " " + Word(run[b])))
            {
                return (SegKind.None, EntityKind.None, null);
            }
            // "University College London", "King's College London": a trailing place stays in an institution's name
            if (b - a >= 3 && InstitutionHeads.Contains(Word(run[b - 2])) && !IsConnector(run[b - 2]) && Lexicon.IsLocationName(lastWord))
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
            if (best > 0)
            {
                switch (bestC.Seg)
                {
                    case SegKind.Name:
                        // "US Treasury Department": the country modifying an organisation name is a mention too
                        if (bestC.Key == null && best - pos >= 3 && Classify(run, pos, pos + 1) is { Seg: SegKind.Name, Kind: EntityKind.Location } lead)
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
            if (givenFirst || asian || personCue)
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
            if (count <= 3 && !AnyCommonWord(run, a, b) && !AnyNounOrAdjectiveSuffix(run, a, b))
            {
                AddMention(firstTok, lastTok, EntityKind.Person, null, false, inTitle).Guess = true;
            }
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
            else if (a == 0 && before >= 0 && _t[before].IsWord && LocationPrepositions.Contains(Word(before)) && !tok.Is(TokenFlags.SentenceStart))
            {
                dm.Kind = EntityKind.Location;
                dm.Guess = true;
            }
        }
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
        return k >= 0 && _t[k].IsWord && char.IsLower(_text[_t[k].Start]) && Lexicon.OrgNouns.Contains(Word(k));
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
                    if (EntityResolver.Initials(full) == abbr || (full.Length > 0 && abbr[0] == char.ToUpperInvariant(full[0]) && EntityResolver.Initials(full).Length >= abbr.Length - 1))
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
