using System.Collections.Frozen;
using Platform.Extraction.Engine.Entities;

namespace Platform.Extraction.Engine.Quotes;

/// <summary>
/// Attributes each quote to an entity: the subject of a reporting verb next to the quote ("X said", "said X",
/// "X noted: ..."), the subject of the sentence a quoted phrase is embedded in ("China urged ... "..."", "X ...,
/// saying that ... "...""), "according to X", a pronoun (the first person of the last sentence naming one), a
/// description ("the Chinese spokesman" → the person whose role is spokesperson), or the speaker of the previous
/// quote when the quote continues a statement. Unnamed speakers ("a spokesman said") give "".
/// </summary>
internal sealed class SpeakerResolver
{
    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "He", "She" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> Indefinite = new[] { "a", "an", "one", "another", "some", "A", "An", "One", "Another", "Some" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "The", "a", "an", "A", "An", "his", "her", "its", "their", "His", "Her", "Its", "Their", "one", "another",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int AfterWindow = 30;
    /// <summary>Tokens looked at before a quote; a sentence longer than this is cut (bounds the work per quote).</summary>
    private const int BeforeWindow = 80;
    /// <summary>How far back (in tokens) a pronoun looks for its person; bounds the work per quote.</summary>
    private const int PronounWindow = 600;
    private const int MaxSubjectDistance = 12;

    private readonly string _body;
    private readonly List<Token> _t;
    private readonly int[] _mentionAt;
    private readonly List<Mention> _mentions;
    private readonly bool[] _inQuote;
    private readonly int[] _sentence;
    private readonly List<EntityCluster> _clusters;
    // Both built on first use: most quotes are attributed without a description ("the spokesman").
    // Clusters do not change while quotes are attributed, so building late gives the same tables.
    private List<EntityCluster>? _withRolesCache;
    private Dictionary<string, List<EntityCluster>>? _orgsByLastWordCache;

    private List<EntityCluster> WithRoles => _withRolesCache ??=
        _clusters.Where(c => c.Kind == EntityKind.Person && c.Roles.Count > 0).Take(MaxRoleCandidates).ToList();

    private Dictionary<string, List<EntityCluster>> OrgsByLastWord => _orgsByLastWordCache ??=
        _clusters.Where(c => c.Kind == EntityKind.Organization && c.Name.Contains(' '))
            .GroupBy(c => c.Name[(c.Name.LastIndexOf(' ') + 1)..], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Take(2).ToList(), StringComparer.OrdinalIgnoreCase);
    private const int MaxRoleCandidates = 200;

    private SpeakerResolver(string body, List<Token> tokens, List<Mention> mentions, List<QuoteSpan> quotes, List<EntityCluster> clusters)
    {
        _body = body;
        _t = tokens;
        _mentions = mentions;
        _clusters = clusters;
        _mentionAt = new int[tokens.Count];
        Array.Fill(_mentionAt, -1);
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Cluster == null)
            {
                continue;
            }
            for (int k = m.FirstToken; k <= m.LastToken && k < tokens.Count; k++)
            {
                _mentionAt[k] = i;
            }
        }
        // quote membership and sentence numbers in one pass over the tokens
        _inQuote = new bool[tokens.Count];
        _sentence = new int[tokens.Count];
        var toks = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        int qi = 0;
        int s = 0;
        for (int k = 0; k < toks.Length; k++)
        {
            var tok = toks[k];
            int pos = tok.Start;
            while (qi < quotes.Count && quotes[qi].Close < pos)
            {
                qi++;
            }
            bool inQuote = qi < quotes.Count && pos >= quotes[qi].Open && pos <= quotes[qi].Close;
            _inQuote[k] = inQuote;
            if (k > 0 && tok.Is(TokenFlags.ParagraphStart) && !toks[k - 1].Is(TokenFlags.ParagraphStart))
            {
                s++;
            }
            _sentence[k] = s;
            if (tok.Is(TokenFlags.SentenceEnd) && !inQuote)
            {
                s++;
            }
        }
    }

    public static void Resolve(string body, List<Token> tokens, List<Mention> mentions, List<QuoteSpan> quotes, List<EntityCluster> clusters)
    {
        // the per-token tables are only needed when there is a quote to attribute
        if (!quotes.Exists(q => q.WordCount >= QuoteScanner.MinWords))
        {
            return;
        }
        var r = new SpeakerResolver(body, tokens, mentions, quotes, clusters);
        QuoteSpan? previous = null;
        foreach (var q in quotes)
        {
            if (q.WordCount < QuoteScanner.MinWords)
            {
                continue;
            }
            r.Attribute(q, previous);
            previous = q;
        }
    }

    private string W(int k) => _body.Substring(_t[k].Start, _t[k].CoreEnd - _t[k].Start);

    private bool IsWord(int k) => _t[k].IsWord;

    private int TokenAt(int offset)
    {
        int lo = 0, hi = _t.Count - 1, ans = _t.Count;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (_t[mid].Start >= offset)
            {
                ans = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return ans;
    }

    private void Attribute(QuoteSpan q, QuoteSpan? previous)
    {
        int openTok = TokenAt(q.Open);
        int closeTok = TokenAt(q.Close);
        if (closeTok < _t.Count && _t[closeTok].Start != q.Close)
        {
            closeTok--; // unclosed quote: ends at the paragraph end
        }

        var before = BeforeContext(openTok);
        var after = AfterContext(closeTok + 1);

        // 1. "X said: "..."" — a reporting verb right before the quote
        int immediate = ImmediateVerb(before);
        // (a participle — "..., adding:" — takes the subject of the main clause)
        if (immediate >= 0 && Subject(before, immediate, q, preferSentenceSubject: W(before[immediate]).EndsWith("ing", StringComparison.Ordinal)) is { } s1)
        {
            Set(q, s1.Cluster, "before: " + s1.How);
            return;
        }
        // 2. ""...," X said" / ""...," said X" — unless the quote is a phrase embedded after a reporting verb
        // ("Howard said Blair had "serious questions to answer" about what Goldsmith told ...")
        int lv = FirstVerb(before, before.Count);
        bool embedded = lv >= 0 && !q.Text.EndsWith(',');
        if (embedded && Subject(before, lv, q, preferSentenceSubject: true) is { } s0)
        {
            Set(q, s0.Cluster, "sentence: " + s0.How);
            return;
        }
        int v = FirstVerb(after, Math.Min(after.Count, MaxSubjectDistance));
        if (v >= 0 && (!q.EndsSentence || PlausibleShortClause(after, v)))
        {
            var res = v == FirstWordIndex(after) ? Object(after, v, q) : Subject(after, v, q, preferSentenceSubject: false);
            if (res is { } s2)
            {
                Set(q, s2.Cluster, "after: " + s2.How);
                return;
            }
        }
        // 2b. a phrase quoted early in a sentence that closes with ", <person> said": X are "..." from Y, Z said.
        if (lv < 0 && !q.EndsSentence && after.Count > MaxSubjectDistance && _t[after[^1]].Is(TokenFlags.SentenceEnd)
            && LastVerb(after, MaxSubjectDistance) is var tail && tail > 0
            && Subject(after, tail, q, preferSentenceSubject: false) is { Cluster.Kind: EntityKind.Person } s4)
        {
            Set(q, s4.Cluster, "after: sentence end");
            return;
        }
        // 3. a quoted phrase inside reported speech: the subject of the sentence's reporting verb
        if (lv >= 0 && Subject(before, lv, q, preferSentenceSubject: true) is { } s3)
        {
            Set(q, s3.Cluster, "sentence: " + s3.How);
            return;
        }
        // 4. "according to X"
        foreach (var ctx in new[] { before, after })
        {
            for (int i = 0; i + 2 < ctx.Count; i++)
            {
                if (IsWord(ctx[i]) && W(ctx[i]).Equals("according", StringComparison.OrdinalIgnoreCase) && W(ctx[i + 1]) == "to")
                {
                    var m = FirstMention(ctx, i + 2, Math.Min(ctx.Count, i + 10));
                    if (m != null)
                    {
                        Set(q, m.Cluster, "according to");
                        return;
                    }
                }
            }
        }
        // 5. a phrase quoted inside a sentence without a reporting verb: the person the sentence is about
        if (FirstWordIndex(before) >= 0 && !StartsSentence(before))
        {
            var subject = FirstMention(before, 0, before.Count);
            if (subject is { Kind: EntityKind.Person } && !IsDateline(subject))
            {
                Set(q, subject.Cluster, "sentence: person");
                return;
            }
        }
        // 6. no reporting verb: the quote continues the previous speaker's statement
        if (previous != null && q.Paragraph - previous.Paragraph <= 1 && previous.Attribution.Length > 0)
        {
            q.Speaker = previous.Speaker;
            q.SpeakerCluster = previous.SpeakerCluster;
            q.Attribution = "continuation";
            return;
        }
        q.Speaker = "";
        q.Attribution = "";
    }

    private static void Set(QuoteSpan q, EntityCluster? c, string how)
    {
        q.SpeakerCluster = c;
        q.Speaker = c?.Name ?? "";
        q.Attribution = how;
    }

    /// <summary>Tokens of the sentence before the quote (outside other quotes), in text order.</summary>
    private List<int> BeforeContext(int openTok)
    {
        var list = new List<int>();
        // "Wang said:\n\n"...": a paragraph ending in a colon introduces the quote that opens the next one
        bool introduced = openTok >= 1 && _t[openTok].Is(TokenFlags.ParagraphStart) && _body[_t[openTok - 1].Start] == ':';
        for (int k = openTok - 1; k >= 0 && k >= openTok - BeforeWindow; k--)
        {
            bool paragraphBoundary = _t[k + 1].Is(TokenFlags.ParagraphStart) && !(introduced && k == openTok - 1);
            if ((_t[k].Is(TokenFlags.SentenceEnd) && !_inQuote[k] && _body[_t[k].Start] is '.' or '!' or '?') || paragraphBoundary)
            {
                break;
            }
            if (!_inQuote[k])
            {
                list.Add(k);
            }
            if (_t[k].Is(TokenFlags.ParagraphStart))
            {
                break;
            }
        }
        list.Reverse();
        return list;
    }

    private List<int> AfterContext(int from)
    {
        var list = new List<int>();
        for (int k = from; k < _t.Count && list.Count < AfterWindow; k++)
        {
            if (_t[k].Is(TokenFlags.ParagraphStart))
            {
                break;
            }
            if (_inQuote[k])
            {
                continue;
            }
            list.Add(k);
            if (_t[k].Is(TokenFlags.SentenceEnd))
            {
                break;
            }
        }
        return list;
    }

    // Verbs that credit a quoted assessment to their subject when "as" introduces the quote.
    private static readonly FrozenSet<string> FramingVerbs = new[]
    {
        "welcomed", "welcomes", "welcoming", "hailed", "hails", "hailing", "described", "termed", "characterized",
        "characterised", "saw", "sees", "regarded", "regards", "greeted", "greets",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"as" follows the verb within a few words, before the quote opens.</summary>
    private bool HasAsBeforeQuote(List<int> ctx, int i)
    {
        for (int j = i + 1; j < ctx.Count && j <= i + 10; j++)
            if (IsWord(ctx[j]) && W(ctx[j]) == "as") return true;
        return false;
    }

    private bool IsVerbAt(List<int> ctx, int i)
    {
        int k = ctx[i];
        if (!IsWord(k))
        {
            return false;
        }
        var w = W(k);
        if (!Lexicon.ReportingVerbs.Contains(w))
        {
            // "welcomed the talks as "..."", "hailed the vote as "..."": the subject frames the quoted assessment.
            return FramingVerbs.Contains(w) && HasAsBeforeQuote(ctx, i);
        }
        // "said" as an adjective ("the said agreement") or "calls" as a noun are rare in news; "pointed" needs "out"
        if (w == "pointed")
        {
            return i + 1 < ctx.Count && IsWord(ctx[i + 1]) && W(ctx[i + 1]) == "out";
        }
        if (w is "called" or "calls" or "calling")
        {
            return i + 1 < ctx.Count && IsWord(ctx[i + 1]) && W(ctx[i + 1]) is "on" or "for";
        }
        return true;
    }

    /// <summary>A reporting verb directly before the quote: "said: ", "said, ", "told reporters: ", "said that ".</summary>
    private int ImmediateVerb(List<int> before)
    {
        for (int i = before.Count - 1; i >= 0 && i >= before.Count - 4; i--)
        {
            int k = before[i];
            if (!IsWord(k))
            {
                if (_body[_t[k].Start] is ',' or ':' or '\u2014' or '-')
                {
                    continue;
                }
                return -1;
            }
            if (IsVerbAt(before, i))
            {
                return i;
            }
            if (W(k) is not ("that" or "reporters" or "journalists" or "me" or "us" or "him" or "her" or "them" or "media" or "the" or "press"))
            {
                return -1;
            }
        }
        return -1;
    }

    private int FirstVerb(List<int> ctx, int limit)
    {
        for (int i = 0; i < limit && i < ctx.Count; i++)
        {
            if (IsVerbAt(ctx, i))
            {
                return i;
            }
        }
        return -1;
    }

    private int LastVerb(List<int> ctx, int from)
    {
        for (int i = ctx.Count - 1; i >= from; i--)
        {
            if (IsVerbAt(ctx, i))
            {
                return i;
            }
        }
        return -1;
    }

    private bool HasWords(List<int> ctx, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (IsWord(ctx[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The quote opens its sentence: nothing but punctuation before it.</summary>
    private bool StartsSentence(List<int> before) => FirstWordIndex(before) < 0;

    private int FirstWordIndex(List<int> ctx)
    {
        for (int i = 0; i < ctx.Count; i++)
        {
            if (IsWord(ctx[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>After a quote that ends its sentence, only a short "Name said." clause is an attribution.</summary>
    private bool PlausibleShortClause(List<int> ctx, int v)
    {
        int words = 0;
        for (int i = 0; i < v; i++)
        {
            if (IsWord(ctx[i]))
            {
                words++;
            }
        }
        if (words == 0)
        {
            return true;
        }
        if (words > 5)
        {
            return false;
        }
        int first = FirstWordIndex(ctx);
        var w = W(ctx[first]);
        return char.IsUpper(w[0]) && (_mentionAt[ctx[first]] >= 0 || Pronouns.Contains(w) || w == "The");
    }

    /// <summary>"BEIJING - ..." / "NEW DELHI: ...": a place at the start of a paragraph before a dash or colon.</summary>
    private bool IsDateline(Mention m)
    {
        // a dateline names a place; "Acme Foods, which ..." opening a paragraph is a subject, not a dateline
        if (!_t[m.FirstToken].Is(TokenFlags.ParagraphStart) || m.LastToken + 1 >= _t.Count
            || (m.Kind != EntityKind.Location && !_t[m.FirstToken].Is(TokenFlags.AllCaps)))
        {
            return false;
        }
        return _body[_t[m.LastToken + 1].Start] is '-' or '\u2013' or '\u2014' or ':' or '(' or ',';
    }

    // "In a statement issued in Riyadh, the Council welcomed ...": a place or body after a preposition is not the subject.
    private static readonly FrozenSet<string> SubjectlessPrepositions = new[]
    {
        "in", "at", "from", "near", "outside", "inside", "to", "into", "across", "throughout", "toward", "towards",
    }.ToFrozenSet(StringComparer.Ordinal);

    private bool AfterPreposition(Mention m)
    {
        int k = m.FirstToken - 1;
        if (k >= 0 && IsWord(k) && W(k) == "the") k--;
        return k >= 0 && IsWord(k) && SubjectlessPrepositions.Contains(W(k));
    }

    private Mention? MentionOf(int k) => _mentionAt[k] >= 0 ? _mentions[_mentionAt[k]] : null;

    private Mention? FirstMention(List<int> ctx, int from, int to)
    {
        Mention? firstAny = null;
        for (int i = from; i < to; i++)
        {
            var m = MentionOf(ctx[i]);
            if (m?.Cluster == null)
            {
                continue;
            }
            if (m.Kind == EntityKind.Person)
            {
                return m;
            }
            firstAny ??= m;
        }
        return firstAny;
    }

    private readonly record struct Found(EntityCluster? Cluster, string How);

    /// <summary>"said X" / "said Chinese Foreign Minister Tomas Novak" / "said the spokesman".</summary>
    private Found? Object(List<int> ctx, int v, QuoteSpan q)
    {
        int to = Math.Min(ctx.Count, v + 10);
        for (int i = v + 1; i < to; i++)
        {
            int k = ctx[i];
            if (!IsWord(k))
            {
                if (_body[_t[k].Start] is ',' or '.' or ';')
                {
                    to = i;
                    break;
                }
                continue;
            }
        }
        var m = FirstMention(ctx, v + 1, to);
        if (m != null)
        {
            return new Found(m.Cluster, "said X");
        }
        if (v + 1 < ctx.Count && IsWord(ctx[v + 1]) && Pronouns.Contains(W(ctx[v + 1])))
        {
            return new Found(ResolvePronoun(q), "pronoun");
        }
        return Description(ctx, v + 1, to, q);
    }

    /// <summary>The subject of the reporting verb at <paramref name="v"/>.</summary>
    private Found? Subject(List<int> ctx, int v, QuoteSpan q, bool preferSentenceSubject)
    {
        // the clause of the verb starts after the last comma/dash before it, unless that leaves nothing
        int clauseStart = 0;
        if (!preferSentenceSubject)
        {
            for (int i = v - 1; i >= 0; i--)
            {
                int k = ctx[i];
                if (!IsWord(k) && _body[_t[k].Start] is ',' or ';' or '\u2014' or '\u2013' or ':' && i < v - 1)
                {
                    clauseStart = i + 1;
                    break;
                }
            }
        }
        // nearest person before the verb, else the nearest named body or place
        Mention? person = null, other = null, firstOther = null;
        for (int i = v - 1; i >= clauseStart; i--)
        {
            var m = MentionOf(ctx[i]);
            if (m?.Cluster == null)
            {
                continue;
            }
            if (m.Kind == EntityKind.Person)
            {
                person ??= m;
                if (!preferSentenceSubject)
                {
                    break;
                }
            }
            else if (!IsDateline(m) && !AfterPreposition(m))
            {
                other ??= m;
                firstOther = m;
            }
        }
        // a pronoun or description right before the verb
        int wi = v - 1;
        while (wi >= clauseStart && IsWord(ctx[wi]) && W(ctx[wi]) is "also" or "further" or "later" or "then" or "again" or "once" or "has" or "had" or "have" or "was" or "is" or "reportedly")
        {
            wi--;
        }
        if (wi >= clauseStart && IsWord(ctx[wi]) && Pronouns.Contains(W(ctx[wi])) && (person == null || !preferSentenceSubject))
        {
            if (person == null || ctx.IndexOf(person.FirstToken) < wi)
            {
                return new Found(ResolvePronoun(q), "pronoun");
            }
        }
        if (person != null && !preferSentenceSubject && _t[person.LastToken].Is(TokenFlags.Possessive)
            && ctx.IndexOf(person.LastToken) is var pi && pi >= 0 && HasWords(ctx, pi + 1, v))
        {
            // "Mr Blair's official spokesman said": the possessor is not the speaker
            return Description(ctx, pi + 1, v, q) is { Cluster: not null } d && d.Cluster != person.Cluster ? d : new Found(null, "unnamed");
        }
        if (person != null)
        {
            return new Found(person.Cluster, preferSentenceSubject ? "sentence subject" : "X said");
        }
        if (preferSentenceSubject && firstOther == null)
        {
            // "She said the target was ..., adding: ..." — a pronoun subject anywhere before the verb
            for (int i = clauseStart; i < v; i++)
            {
                if (IsWord(ctx[i]) && Pronouns.Contains(W(ctx[i])))
                {
                    return new Found(ResolvePronoun(q), "pronoun");
                }
            }
        }
        if (!preferSentenceSubject && wi >= clauseStart && IsWord(ctx[wi]) && W(ctx[wi]) is "it" or "It" && wi == v - 1)
        {
            // ""...," it said in a statement": the organisation named last
            return new Found(LatestOrganisationBefore(q.Open), "pronoun it");
        }
        if (!preferSentenceSubject && wi >= clauseStart && MentionOf(ctx[wi]) is { Cluster: not null } direct)
        {
            return new Found(direct.Cluster, "X said");
        }
        var desc = Description(ctx, clauseStart, v, q);
        if (desc != null)
        {
            return desc;
        }
        if (preferSentenceSubject && firstOther != null)
        {
            return new Found(firstOther.Cluster, "sentence subject");
        }
        if (!preferSentenceSubject && other != null)
        {
            return new Found(other.Cluster, "X said");
        }
        if (!preferSentenceSubject && HasWords(ctx, clauseStart, v))
        {
            // "the statement said", "officials said": a subject that names no one
            return new Found(null, "unnamed");
        }
        return null;
    }

    /// <summary>"the Chinese spokesman" → the person whose role names a spokesman; "a spokesman" → unnamed.</summary>
    private Found? Description(List<int> ctx, int from, int to, QuoteSpan q)
    {
        int head = -1;
        for (int i = to - 1; i >= from; i--)
        {
            if (IsWord(ctx[i]) && (Lexicon.RoleNouns.Contains(W(ctx[i])) || Lexicon.SingleWordTitles.Contains(W(ctx[i]))))
            {
                head = i;
                break;
            }
            if (MentionOf(ctx[i]) != null)
            {
                break; // the description ends at a name: "the Foreign Ministry said" is not about a person
            }
        }
        if (head < 0)
        {
            // "the ministry said" → an organisation named earlier with that head word
            for (int i = to - 1; i >= from; i--)
            {
                if (IsWord(ctx[i]) && i > from && W(ctx[i - 1]) is "the" or "The")
                {
                    var word = W(ctx[i]);
                    if (OrgsByLastWord.TryGetValue(word, out var org) && org.Count == 1)
                    {
                        return new Found(org[0], "description");
                    }
                    // "the company said" after "Acme Corp ...": the organisation named most recently
                    if (Lexicon.OrgNouns.Contains(word) && LatestOrganisationBefore(q.Open) is { } recent)
                    {
                        return new Found(recent, "description");
                    }
                }
            }
            return null;
        }
        int det = head;
        while (det > from && IsWord(ctx[det - 1]) && !Determiners.Contains(W(ctx[det - 1])))
        {
            det--;
        }
        if (det > from && Indefinite.Contains(W(ctx[det - 1])))
        {
            return new Found(null, "unnamed");
        }
        var words = new List<string>();
        for (int i = det; i <= head; i++)
        {
            if (IsWord(ctx[i]))
            {
                words.Add(Norm(W(ctx[i])));
            }
        }
        string headWord = Norm(W(ctx[head]));
        EntityCluster? best = null;
        int bestScore = 0;
        int bestPos = -1;
        foreach (var c in WithRoles)
        {
            var roleWords = new HashSet<string>(c.Roles.SelectMany(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(Norm));
            if (!roleWords.Contains(headWord))
            {
                continue;
            }
            int score = words.Count(roleWords.Contains);
            int pos = c.Mentions.Where(m => !m.InTitle && m.Start < q.Open).Select(m => m.Start).DefaultIfEmpty(-1).Max();
            if (score > bestScore || (score == bestScore && pos > bestPos))
            {
                best = c;
                bestScore = score;
                bestPos = pos;
            }
        }
        if (best != null)
        {
            return new Found(best, "description");
        }
        // "the official said" with no official named before: an unnamed speaker
        return new Found(null, "unnamed");
    }

    private static string Norm(string w)
    {
        var l = w.ToLowerInvariant();
        return l.StartsWith("spokes", StringComparison.Ordinal) ? "spokes" : l;
    }

    /// <summary>The organisation whose mention comes last before <paramref name="offset"/> (bounded look-back).</summary>
    private EntityCluster? LatestOrganisationBefore(int offset)
    {
        int k = TokenAt(offset) - 1;
        for (int steps = 0; k >= 0 && steps < PronounWindow; k--, steps++)
        {
            if (!_inQuote[k] && MentionOf(k) is { Kind: EntityKind.Organization, Cluster: not null } m)
            {
                return m.Cluster;
            }
        }
        return null;
    }

    /// <summary>"he"/"she": the first person named in the last sentence before the quote that names one.</summary>
    private EntityCluster? ResolvePronoun(QuoteSpan q)
    {
        int openTok = TokenAt(q.Open);
        for (int k = openTok - 1; k >= 0 && k >= openTok - PronounWindow; k--)
        {
            if (_inQuote[k])
            {
                continue;
            }
            var m = MentionOf(k);
            if (m is { Kind: EntityKind.Person, Cluster: not null })
            {
                int s = _sentence[k];
                int first = k;
                int j = k - 1;
                for (; j >= 0 && _sentence[j] == s && j > k - PronounWindow; j--)
                {
                    if (!_inQuote[j] && MentionOf(j) is { Kind: EntityKind.Person, Cluster: not null })
                    {
                        first = j;
                    }
                }
                // "The spokesperson also said that Minister X would ...": a described subject before the first name
                for (int d = j + 1; d < first; d++)
                {
                    if (_t[d].IsWord && Lexicon.RoleNouns.Contains(W(d)) && d > 0 && _t[d - 1].IsWord && W(d - 1) is "the" or "The")
                    {
                        var desc = Description([d - 1, d], 0, 2, q);
                        if (desc is { Cluster: { Kind: EntityKind.Person } c })
                        {
                            return c;
                        }
                        break;
                    }
                }
                return MentionOf(first)!.Cluster;
            }
        }
        return null;
    }
}
