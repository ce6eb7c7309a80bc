using System.Collections.Concurrent;

namespace Platform.Extraction.Engine.Entities;

/// <summary>
/// A bounded, thread-safe memo of a pure function of a string (a name's key, parts or class), shared by all
/// documents: emptied when it reaches its capacity, so memory stays bounded on an endless stream of new names.
/// </summary>
/// <remarks>
/// <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock of the table, and the table's lock array
/// grows with it: asking it on each miss made a stream of unseen names four times slower than repeated ones. The
/// memo keeps its own approximate count instead (overwrites by racing threads count twice, which only empties it
/// a little early).
/// </remarks>
internal sealed class Memo<TValue>(int capacity)
{
    private volatile ConcurrentDictionary<string, TValue> _map = new(StringComparer.Ordinal);
    private int _count;

    public bool TryGetValue(string key, out TValue value) => _map.TryGetValue(key, out value!);

    /// <summary>The memoised value of <paramref name="compute"/> for <paramref name="key"/> (a static method: no closure).</summary>
    public TValue GetOrAdd(string key, Func<string, TValue> compute)
    {
        if (TryGetValue(key, out var value)) return value;
        value = compute(key);
        Add(key, value);
        return value;
    }

    public void Add(string key, TValue value)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Empty();
            Interlocked.Exchange(ref _count, 1);
        }
        _map[key] = value;
    }

    public void Clear()
    {
        Empty();
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>
    /// A new, empty table as large as the old one was full (by the memo's own count). ConcurrentDictionary.Clear
    /// shrinks the table to its smallest size, and growing it back (every step takes all locks and rehashes) cost
    /// more than computing the names again. A racing Add may land in the old table and be lost, which a memo can
    /// afford.
    /// </summary>
    private void Empty()
    {
        int size = Math.Min(Volatile.Read(ref _count), capacity);
        _map = new ConcurrentDictionary<string, TValue>(Environment.ProcessorCount, Math.Max(size, 31), StringComparer.Ordinal);
    }
}
