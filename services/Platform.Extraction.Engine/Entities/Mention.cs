namespace Platform.Extraction.Engine.Entities;

/// <summary>One occurrence of a (candidate) named entity in the title or the body.</summary>
internal sealed class Mention
{
    public EntityKind Kind { get; set; }
    /// <summary>Offsets into the text the mention was found in (title or body).</summary>
    public int Start { get; init; }
    public int End { get; init; }
    /// <summary>Name as written (without possessive "'s" or honorific).</summary>
    public required string Surface { get; set; }
    public bool InTitle { get; init; }
    /// <summary>Classified by a lexicon or a cue word rather than guessed.</summary>
    public bool Strong { get; set; }
    /// <summary>Alias-group key of a known name ("United States" for "U.S.").</summary>
    public string? LexKey { get; set; }
    /// <summary>A lone word whose kind follows only from other mentions in the document ("Lu", "Trump").</summary>
    public bool Deferred { get; set; }
    /// <summary>"the Council", "the Peninsula": a capitalised short form of a longer name.</summary>
    public bool ShortForm { get; set; }
    /// <summary>An abbreviation in brackets right after a full name: same entity, counted once.</summary>
    public Mention? BracketOf { get; set; }
    public int FirstToken { get; init; }
    public int LastToken { get; init; }
    private List<string>? _roles;
    /// <summary>Roles found around this mention (created on first use: most mentions have none).</summary>
    public List<string> Roles => _roles ??= [];
    public bool HasRoles => _roles is { Count: > 0 };
    public EntityCluster? Cluster { get; set; }
    public bool Guess { get; set; }
}

/// <summary>All mentions of one real-world entity in a document.</summary>
internal sealed class EntityCluster
{
    public EntityKind Kind { get; set; }
    public List<Mention> Mentions { get; } = [];
    public string? LexKey { get; set; }
    public string Name { get; set; } = "";
    public List<string> Aliases { get; } = [];
    public List<string> Roles { get; } = [];
    /// <summary>Sorted mention positions recorded by the <see cref="ClusterIndex"/> that owns them.</summary>
    public int[]? IndexPositions { get; set; }
    public ClusterIndex? IndexOwner { get; set; }
    /// <summary><see cref="FirstPosition"/> taken once before the clusters are sorted.</summary>
    public int SortPosition { get; set; }
    public int FirstPosition
    {
        get
        {
            int min = int.MaxValue;
            foreach (var m in Mentions)
            {
                min = Math.Min(min, m.InTitle ? -1 : m.Start);
            }
            return min;
        }
    }
}
