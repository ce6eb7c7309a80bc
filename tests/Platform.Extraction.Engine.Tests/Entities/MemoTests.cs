using Platform.Extraction.Engine.Entities;

namespace Platform.Extraction.Engine.Tests.Entities;

public sealed class MemoTests
{
    [Fact]
    public void Add_BeyondCapacity_EmptiesTheMemoAndKeepsTheNewEntry()
    {
        var memo = new Memo<int>(capacity: 3);
        memo.Add("a", 1);
        memo.Add("b", 2);
        memo.Add("c", 3);
        Assert.True(memo.TryGetValue("a", out _));

        memo.Add("d", 4);

        Assert.False(memo.TryGetValue("a", out _));
        Assert.True(memo.TryGetValue("d", out var d));
        Assert.Equal(4, d);
    }

    [Fact]
    public void Clear_ForgetsEveryEntry_AndTheMemoKeepsWorking()
    {
        var memo = new Memo<int>(capacity: 100);
        for (int i = 0; i < 50; i++) memo.Add($"name{i}", i);

        memo.Clear();

        Assert.False(memo.TryGetValue("name7", out _));
        Assert.Equal(7, memo.GetOrAdd("name7", static key => int.Parse(key.AsSpan(4))));
        Assert.True(memo.TryGetValue("name7", out var again));
        Assert.Equal(7, again);
    }

    [Fact]
    public async Task Add_FromManyThreads_StaysConsistent()
    {
        var memo = new Memo<string>(capacity: 1_000);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (int i = 0; i < 5_000; i++)
            {
                var key = $"name{i % 1_500}";
                if (!memo.TryGetValue(key, out var value)) memo.Add(key, key.ToUpperInvariant());
                else Assert.Equal(key.ToUpperInvariant(), value);
            }
        })));
    }
}
