namespace Platform.Extraction.Engine.Entities;

/// <summary>Lookups from words to the entities of a document, built once after the full names are clustered.</summary>
/// <remarks>
/// Built for speed: only the person-part and surface tables are filled up front; the others (initials, last words,
/// keys, positions) are filled on first use from a snapshot of the clusters and of their mention counts taken in the
/// constructor. Clusters only gain mentions and new clusters are only appended while the index is in use, so a table
/// filled late holds exactly what it would have held if filled in the constructor.
/// </remarks>
internal sealed class ClusterIndex
{
    private const int MaxCandidates = 32;

    private readonly EntityCluster[] _clusters;
    private readonly int[] _mentionCounts;
    private readonly Dictionary<string, List<EntityCluster>> _personParts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EntityCluster>> _surface = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, List<EntityCluster>>? _initials;
    private Dictionary<string, List<EntityCluster>>? _lastWord;
    private Dictionary<string, EntityCluster>? _keys;

    public ClusterIndex(List<EntityCluster> clusters)
    {
        _clusters = clusters.ToArray();
        _mentionCounts = new int[_clusters.Length];
        for (int ci = 0; ci < _clusters.Length; ci++)
        {
            var c = _clusters[ci];
            _mentionCounts[ci] = c.Mentions.Count;
            // positions of the mentions known now, sorted, for Latest (clusters made later have none)
            var pos = new int[c.Mentions.Count];
            for (int k = 0; k < pos.Length; k++)
            {
                pos[k] = c.Mentions[k].InTitle ? -1 : c.Mentions[k].Start;
            }
            Array.Sort(pos);
            c.IndexPositions = pos;
            c.IndexOwner = this;
            if (c.Kind == EntityKind.Person)
            {
                foreach (var part in EntityResolver.PersonParts(c))
                {
                    Add(_personParts, part, c);
                }
            }
            foreach (var m in c.Mentions)
            {
                AddSurface(m.Surface, c);
            }
        }
    }

    private static void Add(Dictionary<string, List<EntityCluster>> d, string key, EntityCluster c)
    {
        if (!d.TryGetValue(key, out var list))
        {
            d[key] = list = [];
        }
        if (list.Count < MaxCandidates && !list.Contains(c))
        {
            list.Add(c);
        }
    }

    /// <summary>The candidate mentioned most recently before <paramref name="position"/> (else the first candidate).</summary>
    public EntityCluster? Latest(List<EntityCluster>? candidates, int position)
    {
        if (candidates == null || candidates.Count == 0)
        {
            return null;
        }
        if (candidates.Count == 1)
        {
            return candidates[0];
        }
        EntityCluster? best = null;
        int bestPos = int.MinValue;
        foreach (var c in candidates)
        {
            if (c.IndexOwner != this || c.IndexPositions is not { } pos)
            {
                continue;
            }
            // last position strictly before, found by binary search
            int i = Array.BinarySearch(pos, position);
            i = i >= 0 ? i - 1 : ~i - 1;
            if (i >= 0 && pos[i] > bestPos)
            {
                bestPos = pos[i];
                best = c;
            }
        }
        return best ?? candidates[0];
    }

    public void AddSurface(string surface, EntityCluster c) => Add(_surface, surface, c);

    public List<EntityCluster>? PersonsByPart(string part) => _personParts.GetValueOrDefault(part);

    public List<EntityCluster>? ByInitials(string acronym)
    {
        if (_initials == null)
        {
            _initials = new(StringComparer.Ordinal);
            for (int ci = 0; ci < _clusters.Length; ci++)
            {
                var c = _clusters[ci];
                if (c.Kind == EntityKind.Person)
                {
                    continue;
                }
                for (int k = 0; k < _mentionCounts[ci]; k++)
                {
                    var ini = EntityResolver.Initials(c.Mentions[k].Surface);
                    if (ini.Length >= 2)
                    {
                        Add(_initials, ini, c);
                    }
                }
            }
        }
        return _initials.GetValueOrDefault(acronym);
    }

    public List<EntityCluster>? ByLastWord(string word)
    {
        if (_lastWord == null)
        {
            _lastWord = new(StringComparer.OrdinalIgnoreCase);
            for (int ci = 0; ci < _clusters.Length; ci++)
            {
                var c = _clusters[ci];
                if (c.Kind != EntityKind.Person)
                {
                    Add(_lastWord, EntityResolver.LastWord(c, _mentionCounts[ci]), c);
                }
            }
        }
        return _lastWord.GetValueOrDefault(word);
    }

    public List<EntityCluster>? BySurface(string surface) => _surface.GetValueOrDefault(surface);

    public EntityCluster? ByKey(string key)
    {
        if (_keys == null)
        {
            _keys = new(StringComparer.Ordinal);
            for (int ci = 0; ci < _clusters.Length; ci++)
            {
                var c = _clusters[ci];
                for (int k = 0; k < _mentionCounts[ci]; k++)
                {
                    var surface = c.Mentions[k].Surface;
                    _keys.TryAdd(EntityResolver.PersonKey(surface), c);
                    _keys.TryAdd(EntityResolver.OrgKey(surface), c);
                }
            }
        }
        return _keys.GetValueOrDefault(key);
    }
}
