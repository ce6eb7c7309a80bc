using System.Text;

namespace Platform.Extraction.Engine.Entities;

/// <summary>A text (title or body) with its tokens and mentions.</summary>
internal sealed record AnalysedText(string Text, List<Token> Tokens, List<Mention> Mentions, bool IsTitle);

/// <summary>
/// Merges the mentions of a document into entities: full names and their short forms ("Varga" → "Elena Varga"),
/// spelling variants ("Jean-Luc Moreau" = "Jean Luc Moreau"), known aliases (US / U.S. / United States), abbreviations in
/// brackets, organisation short forms ("the Council", "Foreign Ministry" = "Ministry of Foreign Affairs").
/// </summary>
internal static class EntityResolver
{
    private const int MaxSubsetMergeClusters = 400;

    /// <summary>Portfolios written both "X Ministry" and "Ministry of X Affairs" (general English usage).</summary>
    private static readonly HashSet<string> CommonPortfolios = new(StringComparer.Ordinal) { "Foreign", "Home", "Internal", "Veterans", "Economic", "Civil", "Consumer", "Religious" };

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "on", "&" };

    public static List<EntityCluster> Resolve(AnalysedText title, AnalysedText body)
    {
        RoleFinder.AssignRoles(title);
        RoleFinder.AssignRoles(body);
        var all = new List<Mention>(title.Mentions.Count + body.Mentions.Count);
        all.AddRange(title.Mentions);
        all.AddRange(body.Mentions);

        var clusters = new List<EntityCluster>();
        var byKey = new Dictionary<(EntityKind, string), EntityCluster>();
        var later = new List<Mention>();

        // pass A: names that stand on their own
        foreach (var m in all)
        {
            if (m.Deferred || m.Kind == EntityKind.None || m.BracketOf != null || m.ShortForm)
            {
                later.Add(m);
                continue;
            }
            if (m.Kind == EntityKind.Person && !m.Surface.Contains(' '))
            {
                later.Add(m);
                continue;
            }
            string key = m.Kind == EntityKind.Person ? PersonKey(m.Surface) : (m.LexKey ?? OrgKey(m.Surface));
            AddTo(m, m.Kind, key, clusters, byKey);
        }

        MergePersons(clusters);
        MergeNameSubsets(clusters, EntityKind.Organization);
        MergeNameSubsets(clusters, EntityKind.Location);

        // pass B: short forms, lone words, abbreviations — looked up in indexes so that the pass stays linear
        var index = new ClusterIndex(clusters);
        foreach (var m in later)
        {
            if (m.BracketOf?.Cluster is { } target)
            {
                Attach(m, target);
                index.AddSurface(m.Surface, target); // a later "MOFCOM" alone finds the same body
                continue;
            }
            var word = m.Surface;
            EntityCluster? found = null;
            if (m.ShortForm)
            {
                found = index.Latest(index.ByLastWord(word), Pos(m));
            }
            else if (!word.Contains(' '))
            {
                found = index.Latest(index.PersonsByPart(PersonKey(word)), Pos(m));
                if (found == null && IsAllCaps(word))
                {
                    found = index.Latest(index.ByInitials(word), Pos(m));
                }
                found ??= index.Latest(index.BySurface(word), Pos(m));
                if (found == null && m.Kind != EntityKind.Person && !IsAllCaps(word))
                {
                    // "Sociedad" after "Real Sociedad": the distinctive last word of an organisation or place
                    found = index.Latest(index.ByLastWord(word), Pos(m));
                }

            }
            else
            {
                found = index.ByKey(PersonKey(word)) ?? index.ByKey(OrgKey(word));
            }
            if (found != null)
            {
                Attach(m, found);
                continue;
            }
            if (m.ShortForm)
            {
                continue;
            }
            EntityCluster? created = null;
            if (m.Kind != EntityKind.None)
            {
                created = AddTo(m, m.Kind, m.Kind == EntityKind.Person ? PersonKey(word) : OrgKey(word), clusters, byKey);
            }
            else if (IsAllCaps(word) && !m.InTitle)
            {
                m.Guess = true;
                created = AddTo(m, EntityKind.Organization, OrgKey(word), clusters, byKey);
            }
            if (created != null)
            {
                index.AddSurface(word, created);
            }
        }

        MergeAdministrativeUnits(clusters);
        MergeCompanyFirstWords(clusters);
        clusters.RemoveAll(c => c.Mentions.Count == 0);
        foreach (var c in clusters)
        {
            Finish(c);
        }
        RemoveConflictingAliases(clusters);
        foreach (var c in clusters)
        {
            c.SortPosition = c.FirstPosition;
        }
        clusters.Sort((x, y) => x.SortPosition.CompareTo(y.SortPosition));
        return clusters;
    }

    private static EntityCluster AddTo(Mention m, EntityKind kind, string key, List<EntityCluster> clusters, Dictionary<(EntityKind, string), EntityCluster> byKey)
    {
        if (!byKey.TryGetValue((kind, key), out var c))
        {
            c = new EntityCluster { Kind = kind, LexKey = m.LexKey };
            byKey[(kind, key)] = c;
            clusters.Add(c);
        }
        Attach(m, c);
        return c;
    }

    private static void Attach(Mention m, EntityCluster c)
    {
        m.Cluster = c;
        m.Kind = c.Kind;
        c.Mentions.Add(m);
        c.LexKey ??= m.LexKey;
    }

    private static int Pos(Mention m) => m.InTitle ? -1 : m.Start;

    /// <summary>"Donald J. Trump" and "Donald Trump": same first and last word.</summary>
    private static void MergePersons(List<EntityCluster> clusters)
    {
        var byEnds = new Dictionary<(string, string), EntityCluster>();
        foreach (var c in clusters)
        {
            if (c.Kind != EntityKind.Person)
            {
                continue;
            }
            // a person key has single spaces and none at the ends: its first and last word without Split
            var personKey = PersonKey(c.Mentions[0].Surface);
            int firstSpace = personKey.IndexOf(' ');
            if (firstSpace < 0)
            {
                continue;
            }
            var ends = (personKey[..firstSpace], personKey[(personKey.LastIndexOf(' ') + 1)..]);
            if (byEnds.TryGetValue(ends, out var into) && into != c)
            {
                foreach (var m in c.Mentions)
                {
                    Attach(m, into);
                }
                c.Mentions.Clear();
            }
            else
            {
                byEnds[ends] = c;
            }
        }
        // "Lord Goldsmith" and "Peter Goldsmith": a style with a surname is the person of that surname
        var styled = clusters.Where(c => c.Kind == EntityKind.Person && c.Mentions.Count > 0).ToList();
        if (styled.Count <= MaxSubsetMergeClusters)
        {
            foreach (var c in styled)
            {
                // exactly two parts on one space, the first a style (checked before splitting: most names are not styled)
                var surface = c.Mentions[0].Surface;
                int sp = surface.IndexOf(' ');
                if (sp < 0 || surface.IndexOf(' ', sp + 1) >= 0 || !Lexicon.NameStyles.Contains(surface[..sp]))
                {
                    continue;
                }
                var parts = surface.Split(' ');
                var last = PersonKey(parts[1]);
                // a knight or dame is styled with the given name ("Sir Geoffrey" for Geoffrey Marlow), a peer with the surname
                bool givenNameStyle = parts[0] is "Sir" or "Dame";
                var hosts = styled.Where(o => o != c && o.Mentions.Count > 0 && !Lexicon.NameStyles.Contains(o.Mentions[0].Surface.Split(' ')[0])
                    && (PersonKey(o.Mentions[0].Surface).EndsWith(" " + last, StringComparison.Ordinal)
                        || (givenNameStyle && PersonKey(o.Mentions[0].Surface).StartsWith(last + " ", StringComparison.Ordinal)))).Take(2).ToList();
                if (hosts.Count == 1)
                {
                    foreach (var m in c.Mentions)
                    {
                        Attach(m, hosts[0]);
                    }
                    c.Mentions.Clear();
                }
            }
        }
        // "De Vries" after "Maarten de Vries": a multi-word surname is a suffix of the full name
        var full = clusters.Where(c => c.Kind == EntityKind.Person && c.Mentions.Count > 0).ToList();
        if (full.Count <= MaxSubsetMergeClusters)
        {
            // a cluster's first mention never changes while it has mentions (merges append or empty), so the keys
            // are taken once instead of once per pair
            var keys = new string[full.Count];
            for (int k = 0; k < keys.Length; k++)
            {
                keys[k] = PersonKey(full[k].Mentions[0].Surface);
            }
            for (int i = 0; i < full.Count; i++)
            {
                var c = full[i];
                var suffix = " " + keys[i];
                int host = -1;
                int hits = 0;
                for (int j = 0; j < full.Count && hits < 2; j++)
                {
                    if (j != i && full[j].Mentions.Count > 0 && keys[j].EndsWith(suffix, StringComparison.Ordinal))
                    {
                        host = hits == 0 ? j : host;
                        hits++;
                    }
                }
                if (hits == 1 && c.Mentions.Count > 0)
                {
                    foreach (var m in c.Mentions)
                    {
                        Attach(m, full[host]);
                    }
                    c.Mentions.Clear();
                }
            }
        }
        clusters.RemoveAll(c => c.Mentions.Count == 0);
    }

    /// <summary>
    /// Organisations of two or more words by their first word, when that word is distinctive (no known name, cue,
    /// title or common capitalised word); a word shared by two organisations maps to null.
    /// </summary>
    private static Dictionary<string, EntityCluster?> CompanyFirstWords(List<EntityCluster> clusters)
    {
        var map = new Dictionary<string, EntityCluster?>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            if (c.Kind != EntityKind.Organization || c.Mentions.Count == 0 || c.LexKey != null)
            {
                continue;
            }
            var words = c.Mentions[0].Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var first = words[0];
            // only companies by their legal form: "Bellingham City Council" or "Ruvo Dam Authority" start with a place
            if (!CompanyForms.Contains(words[^1].TrimEnd(',')))
            {
                continue;
            }
            if (words.Length < 2 || first.Length < 3 || IsAllCaps(first) || !char.IsUpper(first[0]) || Connectors.Contains(words[1])
                || Lexicon.TryKnown(first, out _) || Lexicon.OrgCues.Contains(first) || Lexicon.TitleWords.Contains(first)
                || Lexicon.Demonyms.Contains(first) || Lexicon.CommonCapitalised.Contains(first) || Lexicon.GeoCues.Contains(first)
                || first is "The" or "National" or "International" or "Central" or "General" or "United" or "Royal" or "State" or "City")
            {
                continue;
            }
            map[first] = map.TryGetValue(first, out var seen) && seen != c ? null : c;
        }
        return map;
    }

    private static readonly HashSet<string> CompanyForms = new(StringComparer.Ordinal)
    {
        "Co", "Co.", "Ltd", "Ltd.", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Company", "Holdings", "PLC", "plc",
        "AG", "SA", "S.A.", "GmbH", "LLC", "KK", "K.K.", "NV", "N.V.", "SpA", "Bhd", "Tbk", "Oyj", "ASA",
    };

    /// <summary>"Tanaka" after "Tanaka Robotics Co.": a lone unknown word that is the distinctive first word of one organisation.</summary>
    private static void MergeCompanyFirstWords(List<EntityCluster> clusters)
    {
        Dictionary<string, EntityCluster?>? firstWords = null;
        foreach (var c in clusters)
        {
            if (c.Kind == EntityKind.Person || c.LexKey != null || c.Mentions.Count == 0
                || c.Mentions.Any(m => m.Surface.Contains(' ') || IsAllCaps(m.Surface)))
            {
                continue;
            }
            firstWords ??= CompanyFirstWords(clusters);
            if (firstWords.TryGetValue(c.Mentions[0].Surface, out var company) && company != null && company != c)
            {
                foreach (var m in c.Mentions)
                {
                    Attach(m, company);
                }
                c.Mentions.Clear();
            }
        }
    }

    // Words that follow the name of a first-level unit in its formal style ("Kumamoto Prefecture", "Helmand Province").
    private static readonly string[] UnitWords = [" Prefecture", " Province", " Governorate", " Oblast", " Voivodeship"];

    /// <summary>"Aomori" after "Aomori Prefecture": the unit named without its style word is the same place.</summary>
    private static void MergeAdministrativeUnits(List<EntityCluster> clusters)
    {
        Dictionary<string, EntityCluster>? byName = null;
        foreach (var c in clusters)
        {
            if (c.Kind != EntityKind.Location || c.Mentions.Count == 0)
            {
                continue;
            }
            foreach (var unit in UnitWords)
            {
                var surface = c.Mentions[0].Surface;
                if (!surface.EndsWith(unit, StringComparison.Ordinal) || surface.Length <= unit.Length + 1)
                {
                    continue;
                }
                byName ??= clusters.Where(o => o.Kind == EntityKind.Location && o.Mentions.Count > 0)
                    .GroupBy(o => o.Mentions[0].Surface, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
                if (byName.TryGetValue(surface[..^unit.Length], out var bare) && bare != c)
                {
                    foreach (var m in bare.Mentions)
                    {
                        Attach(m, c);
                    }
                    bare.Mentions.Clear();
                }
                break;
            }
        }
    }

    /// <summary>"Security Council" inside "UN Security Council": a name whose words are all in exactly one longer name.</summary>
    private static void MergeNameSubsets(List<EntityCluster> clusters, EntityKind kind)
    {
        var list = clusters.Where(c => c.Kind == kind).ToList();
        if (list.Count > MaxSubsetMergeClusters)
        {
            return; // quadratic; real articles name far fewer organisations
        }
        if (list.Count < 2 || !list.Exists(c => c.LexKey == null))
        {
            // nothing to merge (only unknown names are merged into longer ones); still drop emptied clusters
            clusters.RemoveAll(c => c.Mentions.Count == 0);
            return;
        }
        var words = new List<HashSet<string>>(list.Count);
        foreach (var c in list)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in c.Mentions)
            {
                set.UnionWith(ContentWordsOfOrgKey(m.Surface));
            }
            words.Add(set);
        }
        for (int i = 0; i < list.Count; i++)
        {
            if (words[i].Count < 2 || list[i].LexKey != null)
            {
                continue; // a known name ("United Nations") is its own entity even inside a longer one
            }
            int target = -1;
            int hits = 0;
            for (int j = 0; j < list.Count; j++)
            {
                if (i != j && list[j].Mentions.Count > 0 && words[j].Count > words[i].Count && words[i].IsSubsetOf(words[j]))
                {
                    target = j;
                    hits++;
                }
            }
            if (hits == 1 && kind == EntityKind.Organization)
            {
                foreach (var m in list[i].Mentions)
                {
                    Attach(m, list[target]);
                }
                list[i].Mentions.Clear();
                words[target].UnionWith(words[i]);
            }
        }
        clusters.RemoveAll(c => c.Mentions.Count == 0);
    }

    private static IEnumerable<string> ContentWords(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Connectors.Contains(w));

    // Content words of OrgKey(surface), memoised like the keys: every cluster's words are rebuilt for each kind pass.
    private static readonly Memo<string[]> OrgContentWords = new(MaxMemo);

    private static string[] ContentWordsOfOrgKey(string surface)
    {
        if (OrgContentWords.TryGetValue(surface, out var cached))
        {
            return cached;
        }
        var words = ContentWords(OrgKey(surface)).ToArray();
        OrgContentWords.Add(surface, words);
        return words;
    }

    internal static string LastWord(EntityCluster c) => LastWord(c, c.Mentions.Count);

    /// <summary>Last word of the longest of the first <paramref name="mentionCount"/> surfaces.</summary>
    internal static string LastWord(EntityCluster c, int mentionCount)
    {
        // the first of the longest surfaces (what a stable OrderByDescending(Length).First() picks), without sorting
        var s = c.Mentions[0].Surface;
        for (int k = 1; k < mentionCount; k++)
        {
            if (c.Mentions[k].Surface.Length > s.Length)
            {
                s = c.Mentions[k].Surface;
            }
        }
        int sp = s.LastIndexOf(' ');
        return sp < 0 ? s : s[(sp + 1)..];
    }

    internal static HashSet<string> PersonParts(EntityCluster c)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in c.Mentions)
        {
            set.UnionWith(PersonPartsOf(m.Surface));
        }
        return set;
    }

    // Parts of one surface, memoised like the keys (the index is rebuilt for every document from the same names).
    private static readonly Memo<string[]> PersonPartsMemo = new(MaxMemo);

    private static string[] PersonPartsOf(string surface)
    {
        if (PersonPartsMemo.TryGetValue(surface, out var cached))
        {
            return cached;
        }
        string[] result;
        var parts = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            result = [];
        }
        // "Benavides" for "Carlos Benavides Ortega": in Spanish and Portuguese names the first surname, the middle
        // of three words, is the short form
        else if (parts.Length == 3 && parts[1].Length > 2 && char.IsUpper(parts[1][0]) && !parts[1].EndsWith('.'))
        {
            result = [PersonKey(parts[0]), PersonKey(parts[^1]), PersonKey(parts[1])];
        }
        else
        {
            // first and last word: "Chen" for "Chen Wei" (family name first), "Trump" for "Donald Trump"
            result = [PersonKey(parts[0]), PersonKey(parts[^1])];
        }
        PersonPartsMemo.Add(surface, result);
        return result;
    }

    internal static bool IsAllCaps(string w) => w.Length >= 2 && w.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)) && w.Any(char.IsLetter);

    // Memoised like the keys: the cluster index asks for the initials of every organisation mention.
    private static readonly Memo<string> InitialsMemo = new(MaxMemo);

    public static string Initials(string name)
    {
        return InitialsMemo.GetOrAdd(name, ComputeInitials);
    }

    private static string ComputeInitials(string name)
    {
        var sb = new StringBuilder();
        foreach (var part in name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Connectors.Contains(part) || !char.IsUpper(part[0]))
            {
                continue;
            }
            sb.Append(part[0]);
        }
        return sb.Length >= 2 ? sb.ToString() : "";
    }

    // Keys are pure functions of the surface; memoised because every mention is keyed several times.
    private static readonly Memo<string> PersonKeys = new(MaxMemo);
    private static readonly Memo<string> OrgKeys = new(MaxMemo);
    private const int MaxMemo = 50_000;

    /// <summary>Empties the cross-document memos (keys, name parts, variants): for measuring a cold engine.</summary>
    internal static void ClearMemos()
    {
        OrgContentWords.Clear();
        PersonPartsMemo.Clear();
        InitialsMemo.Clear();
        PersonKeys.Clear();
        OrgKeys.Clear();
        OrgVariantsMemo.Clear();
    }

    /// <summary>Case-, hyphen- and dot-insensitive key of a person name.</summary>
    public static string PersonKey(string s)
    {
        return PersonKeys.GetOrAdd(s, ComputePersonKey);
    }

    private static string ComputePersonKey(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var ch in s)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                space = false;
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is ' ' or '-' or '\u2010' or '\u2011')
            {
                space = true;
            }
            else if (Tokenizer.IsApostrophe(ch))
            {
                // drop
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Key of an organisation or place name: lower case, no leading "the" or nationality adjective, known
    /// abbreviations expanded, "Ministry of X Affairs" = "X Ministry", a trailing "of (the) country" dropped.
    /// </summary>
    public static string OrgKey(string surface)
    {
        return OrgKeys.GetOrAdd(surface, ComputeOrgKey);
    }

    private static string ComputeOrgKey(string surface)
    {
        var s = surface.Replace('\u2019', '\'').Replace(".", "", StringComparison.Ordinal);
        if (s.EndsWith("'s", StringComparison.Ordinal))
        {
            s = s[..^2];
        }
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }
        // a trailing "of (the) <place>" after a ministry-like head
        for (int k = 1; k < words.Count - 1; k++)
        {
            if (words[k] == "of")
            {
                int r = k + 1;
                if (r < words.Count && words[r] == "the")
                {
                    r++;
                }
                var rest = string.Join(' ', words.Skip(r));
                if (k > 1 && Lexicon.IsLocationName(rest))
                {
                    words.RemoveRange(k, words.Count - k);
                    break;
                }
            }
        }
        while (words.Count > 1 && (Lexicon.Demonyms.Contains(words[0]) || (words.Count > 2 && Lexicon.Demonyms.Contains(words[0] + " " + words[1]))))
        {
            if (words.Count > 2 && Lexicon.Demonyms.Contains(words[0] + " " + words[1]))
            {
                words.RemoveRange(0, 2);
            }
            else
            {
                words.RemoveAt(0);
            }
        }
        // Ministry of Foreign Affairs → Foreign Ministry
        if (words.Count >= 3 && words[1] == "of" && (words[0] is "Ministry" or "Department"))
        {
            var head = words[0];
            var mods = words.Skip(2).Where(w => w != "the" && w != "Affairs").ToList();
            mods.Add(head);
            words = mods;
        }
        var expanded = new List<string>();
        foreach (var w in words)
        {
            if (IsAllCaps(w) && Lexicon.TryKnown(w, out var k) && k.Kind == EntityKind.Organization)
            {
                expanded.AddRange(k.Key.Split(' '));
            }
            else
            {
                expanded.Add(w);
            }
        }
        return string.Join(' ', expanded).ToLowerInvariant();
    }

    private static void Finish(EntityCluster c)
    {
        // Written without temporary lists, sets or closures: Finish runs for every cluster of every document.
        // The name is chosen among the full forms (not bracketed, not short), or among all forms if there are none.
        bool anyFull = false;
        foreach (var m in c.Mentions)
        {
            if (m.BracketOf == null && !m.ShortForm)
            {
                anyFull = true;
                break;
            }
        }
        // the fullest form the document uses: most words, then most characters, then first used
        bool person = c.Kind == EntityKind.Person;
        string? name = null;
        int bestWords = 0;
        bool styledName = false;
        foreach (var m in c.Mentions)
        {
            if (anyFull && (m.BracketOf != null || m.ShortForm))
            {
                continue;
            }
            var f = m.Surface;
            int wc = WordCount(f);
            // a personal name beats a style ("Peter Goldsmith" over "Lord Goldsmith")
            bool styledF = person && IsStyled(f);
            if (name == null)
            {
                name = f;
                bestWords = wc;
                styledName = styledF;
            }
            else if (wc > bestWords && !styledF || (wc == bestWords && (styledName && !styledF || styledName == styledF && f.Length > name.Length)))
            {
                name = f;
                bestWords = wc;
                styledName = styledF;
            }
        }
        name ??= c.Mentions[0].Surface; // unreachable: a cluster has a mention
        c.Name = name;
        var aliases = c.Aliases;
        foreach (var m in c.Mentions)
        {
            AddAlias(aliases, name, m.Surface);
        }
        if (c.LexKey != null && Lexicon.AliasesByKey.TryGetValue(c.LexKey, out var group))
        {
            foreach (var a in group)
            {
                AddAlias(aliases, name, a);
            }
        }
        if (c.Kind == EntityKind.Person)
        {
            if (name.Contains('-'))
            {
                AddAlias(aliases, name, name.Replace('-', ' '));
                AddAlias(aliases, name, HyphenCase(name, upper: true));
                AddAlias(aliases, name, HyphenCase(name, upper: false));
            }
        }
        else if (c.Kind == EntityKind.Organization)
        {
            foreach (var v in OrgVariantsOf(name))
            {
                AddAlias(aliases, name, v);
            }
        }
        // roles distinct ignoring case, first spelling kept (a cluster has a handful: a linear check beats a set)
        foreach (var m in c.Mentions)
        {
            if (!m.HasRoles)
            {
                continue;
            }
            foreach (var r in m.Roles)
            {
                if (!ContainsIgnoreCase(c.Roles, r))
                {
                    c.Roles.Add(r);
                }
            }
        }
    }

    /// <summary>Adds a distinct (ordinal) non-blank alias other than the name.</summary>
    private static void AddAlias(List<string> aliases, string name, string a)
    {
        if (!string.IsNullOrWhiteSpace(a) && !string.Equals(a, name, StringComparison.Ordinal) && !aliases.Contains(a))
        {
            aliases.Add(a);
        }
    }

    private static bool ContainsIgnoreCase(List<string> list, string s)
    {
        foreach (var x in list)
        {
            if (string.Equals(x, s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first word (up to the first space) is a style such as "Lord" or "Sir".</summary>
    private static bool IsStyled(string s)
    {
        int sp = s.IndexOf(' ');
        return Lexicon.NameStyles.Contains(sp < 0 ? s : s[..sp]);
    }

    // Variants are a pure function of the name: memoised like the keys.
    private static readonly Memo<string[]> OrgVariantsMemo = new(MaxMemo);

    private static string[] OrgVariantsOf(string name)
    {
        if (OrgVariantsMemo.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var variants = OrgVariants(name).ToArray();
        OrgVariantsMemo.Add(name, variants);
        return variants;
    }

    private static int WordCount(string s)
    {
        int n = 1;
        foreach (var ch in s)
        {
            if (ch == ' ')
            {
                n++;
            }
        }
        return n;
    }

    private static string HyphenCase(string name, bool upper)
    {
        var chars = name.ToCharArray();
        for (int k = 1; k < chars.Length; k++)
        {
            if (chars[k - 1] == '-' && char.IsLetter(chars[k]))
            {
                chars[k] = upper ? char.ToUpperInvariant(chars[k]) : char.ToLowerInvariant(chars[k]);
            }
        }
        return new string(chars);
    }

    /// <summary>Usual equivalent spellings of an organisation name (nationality dropped, "X Ministry" / "Ministry of X").</summary>
    private static IEnumerable<string> OrgVariants(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        int skip = 0;
        if (words.Count > 2 && Lexicon.Demonyms.Contains(words[0] + " " + words[1]))
        {
            skip = 2;
        }
        else if (words.Count > 1 && Lexicon.Demonyms.Contains(words[0]))
        {
            skip = 1;
        }
        if (skip == 0 && words.Count > 2 && Lexicon.IsLocationName(words[0]))
        {
            skip = 1; // "US Treasury Department" → "Treasury Department"
        }
        var core = words.Skip(skip).ToList();
        if (skip > 0 && core.Count >= 2 && !Lexicon.TryKnown(name, out _))
        {
            yield return string.Join(' ', core);
        }
        if (core.Count >= 2 && core[^1] is "Ministry" or "Department")
        {
            var mods = string.Join(' ', core.Take(core.Count - 1));
            if (!(core.Count == 2 && CommonPortfolios.Contains(core[0])))
            {
                yield return $"{core[^1]} of {mods}";
            }
            if (core.Count == 2 && CommonPortfolios.Contains(core[0]))
            {
                yield return $"{core[^1]} of {mods} Affairs";
            }
        }
        if (core.Count == 4 && core[1] == "of" && core[0] is "Ministry" or "Department" && core[3] == "Affairs" && CommonPortfolios.Contains(core[2]))
        {
            var mods = core.Skip(2).Where(w => w != "the" && w != "Affairs");
            yield return string.Join(' ', mods) + " " + core[0];
        }
    }

    /// <summary>An added equivalent name must not be a name another entity of the document is known by.</summary>
    private static void RemoveConflictingAliases(List<EntityCluster> clusters)
    {
        var owner = new Dictionary<string, EntityCluster>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            foreach (var m in c.Mentions)
            {
                owner.TryAdd(PersonKey(m.Surface), c);
            }
        }
        foreach (var c in clusters)
        {
            c.Aliases.RemoveAll(a => owner.TryGetValue(PersonKey(a), out var o) && o != c);
        }
    }
}
