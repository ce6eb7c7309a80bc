namespace Platform.Extraction.Engine.Cleaning;

/// <summary>
/// Finds which groups of ASCII literals occur in a text, case-insensitively (as <see cref="StringComparison.OrdinalIgnoreCase"/>
/// compares), in one pass: an Aho–Corasick automaton (Aho and Corasick, 1975) turned into a transition table.
/// </summary>
/// <remarks>
/// The line rules gate each regex by literals the line must hold. Asking <c>SearchValues&lt;string&gt;</c> once per
/// group cost about 1 µs per 100-character line for a group of 26 literals (the vectorised search's candidates are
/// verified one by one) and each line met seven groups; the automaton reads each character once for all groups.
/// </remarks>
internal sealed class TriggerSet
{
    private readonly byte[] _asciiClass = new byte[128];
    // The class of every UTF-16 code unit (64 KB, of which the scan of ordinary text touches the first 128 bytes):
    // one load per character and no call in the scan loop, so the JIT keeps the automaton's states in registers (with
    // a call for non-ASCII characters in the loop it kept them on the stack, a store and reload on each step).
    private readonly byte[] _charClass = new byte[char.MaxValue + 1];
    private readonly int _classes;
    private readonly ushort[] _next;
    private readonly ulong[] _output;
    private readonly int _firstMatchRow;
    private readonly int _longest;

    /// <param name="groups">Literal groups, at most 64; group i sets bit i of <see cref="Scan"/>'s result.</param>
    public TriggerSet(params string[][] groups)
    {
        if (groups.Length > 64) throw new ArgumentOutOfRangeException(nameof(groups), "At most 64 groups.");

        // Symbol classes: one per distinct (lower-cased) character of the literals, 0 for every other character.
        var classOf = new Dictionary<char, byte>();
        foreach (var group in groups)
            foreach (var literal in group)
                foreach (var c in literal)
                {
                    if (c >= 128 || literal.Length == 0) throw new ArgumentException($"Literal '{literal}' is not ASCII.", nameof(groups));
                    var lower = char.ToLowerInvariant(c);
                    if (!classOf.ContainsKey(lower)) classOf[lower] = checked((byte)(classOf.Count + 1));
                }
        _classes = classOf.Count + 1;
        _longest = groups.SelectMany(g => g).Select(l => l.Length).DefaultIfEmpty(1).Max();
        for (int c = 0; c < 128; c++)
            _asciiClass[c] = classOf.TryGetValue(char.ToLowerInvariant((char)c), out var k) ? k : (byte)0;
        // OrdinalIgnoreCase compares simple upper-case forms, so the few non-ASCII characters whose upper case is
        // ASCII ('ı' → 'I', 'ſ' → 'S') match too; found by scanning the BMP rather than listed by hand.
        var folded = new List<(char, byte)>();
        for (int c = 128; c <= char.MaxValue; c++)
        {
            var upper = char.ToUpperInvariant((char)c);
            if (upper < 128 && _asciiClass[upper] != 0) folded.Add(((char)c, _asciiClass[upper]));
        }
        Array.Copy(_asciiClass, _charClass, 128);
        foreach (var (c, symbol) in folded) _charClass[c] = symbol;

        // The trie.
        var children = new List<Dictionary<int, int>> { new() };
        var output = new List<ulong> { 0 };
        for (int g = 0; g < groups.Length; g++)
        {
            foreach (var literal in groups[g])
            {
                int state = 0;
                foreach (var c in literal)
                {
                    int symbol = _asciiClass[c];
                    if (!children[state].TryGetValue(symbol, out var child))
                    {
                        child = children.Count;
                        children.Add([]);
                        output.Add(0);
                        children[state][symbol] = child;
                    }
                    state = child;
                }
                output[state] |= 1UL << g;
            }
        }

        // Breadth-first: failure links, outputs inherited along them, and the full transition table.
        int states = children.Count;
        var next = new int[states * _classes];
        var fail = new int[states];
        var queue = new Queue<int>();
        for (int symbol = 0; symbol < _classes; symbol++)
        {
            if (children[0].TryGetValue(symbol, out var child))
            {
                next[symbol] = child;
                queue.Enqueue(child);
            }
        }
        while (queue.Count > 0)
        {
            int state = queue.Dequeue();
            output[state] |= output[fail[state]];
            for (int symbol = 0; symbol < _classes; symbol++)
            {
                if (children[state].TryGetValue(symbol, out var child))
                {
                    fail[child] = next[fail[state] * _classes + symbol];
                    next[state * _classes + symbol] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    next[state * _classes + symbol] = next[fail[state] * _classes + symbol];
                }
            }
        }

        // The scan's inner loop is a chain of dependent loads, so the table is made small and direct: states are
        // renumbered so that those with an output come last (one comparison tells a match), and each entry holds
        // the next state's row offset (no multiplication) as a 16-bit value (half the cache footprint).
        var order = Enumerable.Range(0, states).OrderBy(s => output[s] != 0 ? 1 : 0).ThenBy(s => s).ToArray();
        var renumbered = new int[states];
        for (int i = 0; i < order.Length; i++) renumbered[order[i]] = i;
        if (renumbered[0] != 0 || states * _classes > ushort.MaxValue)
            throw new ArgumentException("Too many literals for a 16-bit transition table.", nameof(groups));
        _next = new ushort[states * _classes];
        _output = new ulong[states];
        for (int s = 0; s < states; s++)
        {
            _output[renumbered[s]] = output[s];
            for (int symbol = 0; symbol < _classes; symbol++)
                _next[renumbered[s] * _classes + symbol] = (ushort)(renumbered[next[s * _classes + symbol]] * _classes);
        }
        _firstMatchRow = order.Count(s => output[s] == 0) * _classes;
    }

    /// <summary>The groups with a literal in <paramref name="text"/>: bit i set for group i.</summary>
    /// <remarks>
    /// Each step of the automaton waits for the load of the previous one. A longer text is walked as two halves in
    /// lock step (two independent chains the processor overlaps); the first half runs on past the middle by the
    /// longest literal's length less one, so every occurrence lies wholly inside the half in which it starts, and a
    /// walk from the start state finds every occurrence that starts inside its half.
    /// </remarks>
    public ulong Scan(ReadOnlySpan<char> text)
    {
        int overlap = _longest - 1;
        if (text.Length < 2 * overlap + 16) return Walk(text);
        int half = (text.Length - overlap) / 2;
        var a = text[..(half + overlap)];
        var b = text[half..];
        var next = _next;
        var charClass = _charClass;
        int firstMatchRow = _firstMatchRow;
        int ra = 0, rb = 0;
        ulong found = 0;
        int common = Math.Min(a.Length, b.Length);
        for (int i = 0; i < common; i++)
        {
            ra = next[ra + charClass[a[i]]];
            rb = next[rb + charClass[b[i]]];
            if (ra >= firstMatchRow) found |= _output[ra / _classes];
            if (rb >= firstMatchRow) found |= _output[rb / _classes];
        }
        // The halves differ in length by one character at most.
        for (int i = common; i < a.Length; i++)
        {
            ra = next[ra + charClass[a[i]]];
            if (ra >= firstMatchRow) found |= _output[ra / _classes];
        }
        for (int i = common; i < b.Length; i++)
        {
            rb = next[rb + charClass[b[i]]];
            if (rb >= firstMatchRow) found |= _output[rb / _classes];
        }
        return found;
    }

    private ulong Walk(ReadOnlySpan<char> text)
    {
        var next = _next;
        var charClass = _charClass;
        int firstMatchRow = _firstMatchRow;
        int row = 0;
        ulong found = 0;
        foreach (var c in text)
        {
            row = next[row + charClass[c]];
            if (row >= firstMatchRow) found |= _output[row / _classes];
        }
        return found;
    }

}
