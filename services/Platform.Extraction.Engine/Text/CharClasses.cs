using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Platform.Extraction.Engine.Text;

/// <summary>
/// Character classes of 64 consecutive characters as bit masks (bit i = character 64 * block + i).
/// Every class is exactly the char method it is named after, for all of UTF-16.
/// </summary>
internal struct CharBlock
{
    /// <summary>char.IsLetter.</summary>
    public ulong Letter;
    /// <summary>char.IsDigit.</summary>
    public ulong Digit;
    /// <summary>char.IsWhiteSpace.</summary>
    public ulong White;
    /// <summary>' '.</summary>
    public ulong Space;
    /// <summary>'-'.</summary>
    public ulong Hyphen;
    /// <summary>'\'' or '’'.</summary>
    public ulong Apostrophe;
    /// <summary>'_'.</summary>
    public ulong Underscore;
    /// <summary>Not ASCII (&gt;= 128).</summary>
    public ulong NonAscii;
}

/// <summary>
/// Speed: the word scanners of the text stages used to test char.IsLetterOrDigit at every character, and the
/// branch on the result mispredicts at every word boundary. Here 32 characters at a time are classified with
/// vector compares into bit masks; a scanner then finds word boundaries with TrailingZeroCount, one step per word.
/// Non-ASCII characters (rare in English news: curly quotes, accented names) are classified one by one with the
/// char methods, so the masks are exact for any text.
/// </summary>
internal static class CharClasses
{
    /// <summary>
    /// The number of blocks for a text of <paramref name="length"/> characters: (length + 63) / 64, plus an empty
    /// one at the end, so that a scan may always read the block after the last character.
    /// </summary>
    public static int BlockCount(int length) => (length >> 6) + 2;

    /// <summary>
    /// Classifies <paramref name="text"/> into <paramref name="blocks"/> (<see cref="BlockCount"/> of them; every
    /// block is written). Characters past the end belong to no class.
    /// </summary>
    public static void Classify(ReadOnlySpan<char> text, Span<CharBlock> blocks)
    {
        int full = text.Length >> 6;
        for (int b = 0; b < full; b++) ClassifyBlock(text.Slice(b << 6, 64), ref blocks[b]);
        // The tail is padded with '\0', which belongs to no class.
        Span<char> tail = stackalloc char[64];
        tail.Clear();
        text[(full << 6)..].CopyTo(tail);
        ClassifyBlock(tail, ref blocks[full]);
        blocks[full + 1] = default;
    }

    /// <summary>The simple definition of a block, one character at a time (also the path without vectors).</summary>
    internal static void ClassifyScalar(ReadOnlySpan<char> chars64, ref CharBlock block)
    {
        block = default;
        for (int i = 0; i < chars64.Length; i++)
        {
            char c = chars64[i];
            ulong bit = 1UL << i;
            if (char.IsLetter(c)) block.Letter |= bit;
            if (char.IsDigit(c)) block.Digit |= bit;
            if (char.IsWhiteSpace(c)) block.White |= bit;
            if (c == ' ') block.Space |= bit;
            if (c == '-') block.Hyphen |= bit;
            if (c is '\'' or '’') block.Apostrophe |= bit;
            if (c == '_') block.Underscore |= bit;
            if (c >= 128) block.NonAscii |= bit;
        }
    }

    private static void ClassifyBlock(ReadOnlySpan<char> chars64, ref CharBlock block)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            ClassifyScalar(chars64, ref block);
            return;
        }
        ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(chars64));
        block = default;
        Half(ref start, 0, ref block);
        Half(ref start, 32, ref block);
        ulong nonAscii = block.NonAscii;
        while (nonAscii != 0)
        {
            int i = BitOperations.TrailingZeroCount(nonAscii);
            nonAscii &= nonAscii - 1;
            char c = chars64[i];
            ulong bit = 1UL << i;
            if (char.IsLetter(c)) block.Letter |= bit;
            if (char.IsDigit(c)) block.Digit |= bit;
            if (char.IsWhiteSpace(c)) block.White |= bit;
            if (c == '’') block.Apostrophe |= bit;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Half(ref ushort start, int offset, ref CharBlock block)
    {
        var a = Vector256.LoadUnsafe(ref start, (nuint)offset);
        var b = Vector256.LoadUnsafe(ref start, (nuint)offset + 16);
        // Saturate at 0x80 before narrowing, so a non-ASCII character becomes 0x80 (in no ASCII class) instead of
        // its low byte.
        var limit = Vector256.Create((ushort)0x80);
        var c = Vector256.Narrow(Vector256.Min(a, limit), Vector256.Min(b, limit));
        var lower = c | Vector256.Create((byte)0x20);
        ulong letter = Vector256.LessThan(lower - Vector256.Create((byte)'a'), Vector256.Create((byte)26)).ExtractMostSignificantBits();
        ulong digit = Vector256.LessThan(c - Vector256.Create((byte)'0'), Vector256.Create((byte)10)).ExtractMostSignificantBits();
        ulong space = Vector256.Equals(c, Vector256.Create((byte)' ')).ExtractMostSignificantBits();
        // char.IsWhiteSpace in ASCII: ' ' and '\t' to '\r'.
        ulong control = Vector256.LessThan(c - Vector256.Create((byte)'\t'), Vector256.Create((byte)5)).ExtractMostSignificantBits();
        ulong hyphen = Vector256.Equals(c, Vector256.Create((byte)'-')).ExtractMostSignificantBits();
        ulong apostrophe = Vector256.Equals(c, Vector256.Create((byte)'\'')).ExtractMostSignificantBits();
        ulong underscore = Vector256.Equals(c, Vector256.Create((byte)'_')).ExtractMostSignificantBits();
        ulong nonAscii = Vector256.Equals(c, Vector256.Create((byte)0x80)).ExtractMostSignificantBits();
        block.Letter |= letter << offset;
        block.Digit |= digit << offset;
        block.White |= (space | control) << offset;
        block.Space |= space << offset;
        block.Hyphen |= hyphen << offset;
        block.Apostrophe |= apostrophe << offset;
        block.Underscore |= underscore << offset;
        block.NonAscii |= nonAscii << offset;
    }

    /// <summary>
    /// Buffers for the blocks and masks of one stage at a time on this thread. Speed: reused rather than
    /// stackalloc'd, because a method with stackalloc and loops is compiled once without profile-guided
    /// optimisation; and rather than allocated, to spare the zeroing. Every element a stage reads it has written.
    /// </summary>
    internal sealed class Scratch
    {
        [ThreadStatic] private static Scratch? current;

        private CharBlock[] blocks = new CharBlock[64];
        private ulong[] masks = new ulong[256];

        /// <summary>This thread's buffers; the previous user of them on this thread is done with them.</summary>
        public static Scratch Get() => current ??= new Scratch();

        // Buffers for texts up to 256K characters are kept; a longer text gets buffers of its own, so that one
        // huge document does not leave megabytes held by the thread.
        private const int MaxKeptBlocks = 1 << 12;

        /// <summary>
        /// <paramref name="text"/> classified into this scratch's blocks (<see cref="BlockCount"/> of them, the
        /// length of the result).
        /// </summary>
        public Span<CharBlock> Classify(ReadOnlySpan<char> text)
        {
            var blocks = Blocks(BlockCount(text.Length));
            CharClasses.Classify(text, blocks);
            return blocks;
        }

        /// <summary><paramref name="n"/> blocks.</summary>
        public Span<CharBlock> Blocks(int n)
        {
            if (n > MaxKeptBlocks) return new CharBlock[n];
            if (blocks.Length < n) blocks = new CharBlock[Math.Max(n, Math.Min(blocks.Length * 2, MaxKeptBlocks))];
            return blocks.AsSpan(0, n);
        }

        /// <summary>Mask number <paramref name="index"/> (0 to 3) of <paramref name="n"/> words.</summary>
        public Span<ulong> Mask(int index, int n)
        {
            if (n > MaxKeptBlocks) return new ulong[n];
            if (masks.Length < 4 * n) masks = new ulong[Math.Max(4 * n, Math.Min(masks.Length * 2, 4 * MaxKeptBlocks))];
            return masks.AsSpan(index * n, n);
        }
    }

    /// <summary>The first set bit at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextSet(ReadOnlySpan<ulong> bits, int from)
    {
        int w = from >> 6;
        if ((uint)w >= (uint)bits.Length) return -1;
        ulong m = bits[w] & (~0UL << (from & 63));
        while (m == 0)
        {
            if (++w == bits.Length) return -1;
            m = bits[w];
        }
        return (w << 6) + BitOperations.TrailingZeroCount(m);
    }

    /// <summary>The first clear bit at or after <paramref name="from"/> (the masks end with a clear bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextClear(ReadOnlySpan<ulong> bits, int from)
    {
        int w = from >> 6;
        if ((uint)w >= (uint)bits.Length) return from;
        ulong m = ~bits[w] & (~0UL << (from & 63));
        while (m == 0)
        {
            if (++w == bits.Length) return w << 6;
            m = ~bits[w];
        }
        return (w << 6) + BitOperations.TrailingZeroCount(m);
    }

    /// <summary>Whether a bit is set in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static bool AnySet(ReadOnlySpan<ulong> bits, int from, int to)
    {
        int next = NextSet(bits, from);
        return next >= 0 && next < to;
    }

    /// <summary>Whether every bit in [<paramref name="from"/>, <paramref name="to"/>) is set.</summary>
    public static bool AllSet(ReadOnlySpan<ulong> bits, int from, int to) => NextClear(bits, from) >= to;

    /// <summary>The number of set bits in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static int Count(ReadOnlySpan<ulong> bits, int from, int to)
    {
        if (to <= from) return 0;
        int wf = from >> 6, wt = (to - 1) >> 6;
        ulong first = ~0UL << (from & 63), last = ~0UL >> (63 - ((to - 1) & 63));
        if (wf == wt) return BitOperations.PopCount(bits[wf] & first & last);
        int n = BitOperations.PopCount(bits[wf] & first);
        for (int w = wf + 1; w < wt; w++) n += BitOperations.PopCount(bits[w]);
        return n + BitOperations.PopCount(bits[wt] & last);
    }
}
