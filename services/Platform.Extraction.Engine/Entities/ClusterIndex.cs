namespace Platform.Extraction.Engine.Entities;

/// <summary>Lookups from words to the entities of a document, built once after the full names are clustered.</summary>
internal sealed class ClusterIndex
{
    private const int MaxCandidates = 32;

    private readonly Dictionary<string, List<EntityCluster>> _personParts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EntityCluster>> _initials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EntityCluster>> _lastWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<EntityCluster>> _surface = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EntityCluster> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<EntityCluster, int[]> _positions = new(ReferenceEqualityComparer.Instance);

    public ClusterIndex(List<EntityCluster> clusters)
    {
        foreach (var c in clusters)
        {
            var pos = new int[c.Mentions.Count];
            for (int k = 0; k < pos.Length; k++)
            {
                pos[k] = c.Mentions[k].InTitle ? -1 : c.Mentions[k].Start;
            }
            Array.Sort(pos);
            _positions[c] = pos;
            if (c.Kind == EntityKind.Person)
            {
                foreach (var part in EntityResolver.PersonParts(c))
                {
                    Add(_personParts, part, c);
                }
            }
            else
            {
                Add(_lastWord, EntityResolver.LastWord(c), c);
            }
            foreach (var m in c.Mentions)
            {
                if (c.Kind != EntityKind.Person)
                {
                    var ini = EntityResolver.Initials(m.Surface);
                    if (ini.Length >= 2)
                    {
                        Add(_initials, ini, c);
                    }
                }
                AddSurface(m.Surface, c);
                _keys.TryAdd(EntityResolver.PersonKey(m.Surface), c);
                _keys.TryAdd(EntityResolver.OrgKey(m.Surface), c);
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
            if (!_positions.TryGetValue(c, out var pos))
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

    public List<EntityCluster>? ByInitials(string acronym) => _initials.GetValueOrDefault(acronym);

    public List<EntityCluster>? ByLastWord(string word) => _lastWord.GetValueOrDefault(word);

    public List<EntityCluster>? BySurface(string surface) => _surface.GetValueOrDefault(surface);

    public EntityCluster? ByKey(string key) => _keys.GetValueOrDefault(key);
}
