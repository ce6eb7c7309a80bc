using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Platform.Extraction.Engine.Text;

/// <summary>
/// Dense ids for the distinct words of one document, case-insensitively: two words get the same id exactly when
/// they are equal character by character after <see cref="Words.Lower"/> (the equality the FNV word hashes of
/// <see cref="Words.Hash"/> stand for).
/// </summary>
/// <remarks>
/// Speed: an ASCII word of up to 16 characters is its own key, its lower-cased bytes packed into two ulongs (read
/// with one vector load, no per-character hash chain), in a small open-addressing table sized to the document.
/// Longer or non-ASCII words (rare) are lower-cased into a string key.
/// </remarks>
internal sealed class WordTable
{
    // Speed: key and id side by side, one cache line per probe.
    private struct Entry
    {
        public ulong Lo, Hi;
        public int Id;
    }

    private Entry[] entries;
    private int used;
    private int[] slotOfId;
    private Dictionary<string, int>? others;

    // Two tables per thread: a stage may use one for words and one for phrases.
    [ThreadStatic] private static WordTable? cached, cached2;

    private WordTable(int size)
    {
        entries = new Entry[size];
        slotOfId = new int[size / 2];
    }

    /// <summary>
    /// An empty table of this thread. Speed: the table is reused from one document to the next, and emptied by
    /// clearing only the slots it used, instead of allocating and zeroing new arrays per document.
    /// </summary>
    public static WordTable Rent()
    {
        var table = cached ?? cached2 ?? new WordTable(256);
        if (table == cached) cached = null;
        else if (table == cached2) cached2 = null;
        return table;
    }

    /// <summary>Empties the table and keeps it for the next <see cref="Rent"/> on this thread.</summary>
    public void Return()
    {
        for (int id = 0; id < Count; id++)
            if (slotOfId[id] >= 0) entries[slotOfId[id]].Lo = 0;
        others?.Clear();
        Count = used = 0;
        // A huge document leaves a huge table: let it go rather than hold it for the thread's life.
        if (entries.Length > 1 << 14) return;
        if (cached is null) cached = this;
        else cached2 ??= this;
    }

    /// <summary>The number of distinct words seen (ids are 0 to Count - 1).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The id of <c>text[start..end]</c>; <paramref name="added"/> when the word is new. <paramref name="ascii"/>:
    /// whether the word is all ASCII (the caller knows it from its masks).
    /// </summary>
    public int Intern(ReadOnlySpan<char> text, int start, int end, bool ascii, out bool added)
    {
        int length = end - start;
        if (ascii && length <= 16)
        {
            var (lo, hi) = PackAscii(text, start, length);
            return Intern(lo, hi, out added);
        }
        return InternOther(text[start..end], out added);
    }

    /// <summary>The packed key of an ASCII word of 1 to 16 characters: byte i is char i | 0x20.</summary>
    /// <remarks>
    /// c | 0x20 is Words.Lower(c) for letters, digits, '-' and '\'', and maps '_' to DEL, which no other word
    /// character becomes: the key of a word of these characters is a one-to-one function of its lower-cased form.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ulong Lo, ulong Hi) PackAscii(ReadOnlySpan<char> text, int start, int length)
    {
        if (Vector128.IsHardwareAccelerated && start + 16 <= text.Length)
        {
            ref ushort at = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start));
            var bytes = Vector128.Narrow(Vector128.LoadUnsafe(ref at), Vector128.LoadUnsafe(ref at, 8)) | Vector128.Create((byte)0x20);
            var keep = Vector128.LessThan(Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector128.Create((byte)length));
            var key = (bytes & keep).AsUInt64();
            return (key.GetElement(0), key.GetElement(1));
        }
        return PackScalar(text.Slice(start, length));
    }

    /// <summary>The simple definition of <see cref="PackAscii"/>.</summary>
    internal static (ulong Lo, ulong Hi) PackScalar(ReadOnlySpan<char> word)
    {
        ulong lo = 0, hi = 0;
        for (int i = 0; i < word.Length; i++)
        {
            ulong b = (byte)(word[i] | 0x20);
            if (i < 8) lo |= b << (8 * i);
            else hi |= b << (8 * (i - 8));
        }
        return (lo, hi);
    }

    /// <summary>
    /// The id of the key (<paramref name="lo"/>, <paramref name="hi"/>), <paramref name="lo"/> not 0: a word's
    /// <see cref="PackAscii"/> key, or any other exact key such as a phrase's word ids.
    /// </summary>
    public int Intern(ulong lo, ulong hi, out bool added)
    {
        var table = entries;
        int mask = table.Length - 1;
        int slot = Slot(lo, hi, mask);
        while (true)
        {
            ref var entry = ref table[slot];
            if (entry.Lo == lo && entry.Hi == hi)
            {
                added = false;
                return entry.Id;
            }
            // A word has at least one character, whose byte is never 0: a zero lo is an empty slot.
            if (entry.Lo == 0)
            {
                added = true;
                int id = NewId(slot);
                entry = new Entry { Lo = lo, Hi = hi, Id = id };
                if (++used * 2 > table.Length) Grow();
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int NewId(int slot)
    {
        if (Count == slotOfId.Length) Array.Resize(ref slotOfId, slotOfId.Length * 2);
        slotOfId[Count] = slot;
        return Count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong lo, ulong hi, int mask) =>
        (int)(((lo ^ hi * 0xC2B2AE3D27D4EB4FUL) * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    private void Grow()
    {
        var old = entries;
        entries = new Entry[old.Length * 2];
        int mask = entries.Length - 1;
        foreach (var e in old)
        {
            if (e.Lo == 0) continue;
            int slot = Slot(e.Lo, e.Hi, mask);
            while (entries[slot].Lo != 0) slot = (slot + 1) & mask;
            entries[slot] = e;
            slotOfId[e.Id] = slot;
        }
    }

    private int InternOther(ReadOnlySpan<char> word, out bool added)
    {
        Span<char> lowered = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        bool ascii = true;
        for (int i = 0; i < word.Length; i++)
        {
            lowered[i] = Words.Lower(word[i]);
            ascii &= lowered[i] < 128;
        }
        // A non-ASCII word can lower-case to ASCII (the Kelvin sign is 'k'): it then has the ASCII word's key.
        if (ascii && word.Length <= 16)
        {
            var (lo, hi) = PackScalar(lowered);
            return Intern(lo, hi, out added);
        }
        others ??= new Dictionary<string, int>(StringComparer.Ordinal);
        ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(others, lowered.ToString(), out bool seen);
        added = !seen;
        if (!seen) id = NewId(-1);
        return id;
    }
}
