using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Query.Storage;

/// <summary>One required part of a query: a word, a prefix ("extract*") or a phrase of adjacent words.</summary>
public sealed record QueryClause(IReadOnlyList<string> Words, bool Prefix)
{
    public bool IsPhrase => Words.Count > 1;
}

/// <summary>
/// A user's search text reduced to what both engines understand safely: words, "quoted phrases" and a trailing
/// <c>*</c> for a prefix (matched against stems: "overha*" finds "overhauled"), all required. Everything else (operators, parentheses, column filters, stray quotes) is
/// dropped, so no input can produce an FTS5 or tsquery syntax error or reach the SQL text.
/// </summary>
public sealed class FullTextQuery
{
    public const int MaxClauses = 32;

    private FullTextQuery(IReadOnlyList<QueryClause> clauses) => Clauses = clauses;

    public IReadOnlyList<QueryClause> Clauses { get; }

    /// <summary>Parses user input; null when it holds no searchable word.</summary>
    public static FullTextQuery? Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;

        var clauses = new List<QueryClause>();
        var text = input.AsSpan();
        var i = 0;
        while (i < text.Length && clauses.Count < MaxClauses)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (IsQuote(text[i]))
            {
                // A quoted phrase runs to the next quote; an unbalanced quote takes the rest of the input.
                var end = i + 1;
                while (end < text.Length && !IsQuote(text[end]))
                    end++;
                AddClause(clauses, text[(i + 1)..end], allowPrefix: false);
                i = end + 1;
                continue;
            }

            var stop = i;
            while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && !IsQuote(text[stop]))
                stop++;
            AddClause(clauses, text[i..stop], allowPrefix: true);
            i = stop;
        }

        return clauses.Count == 0 ? null : new FullTextQuery(clauses);
    }

    private static void AddClause(List<QueryClause> clauses, ReadOnlySpan<char> chunk, bool allowPrefix)
    {
        var words = Words(chunk);
        if (words.Count == 0)
            return;
        // "extract*" asks for a prefix; "O'Brien" or "covid-19" become phrases of their parts, as the tokenizers split them.
        var prefix = allowPrefix && words.Count == 1 && chunk.TrimEnd().EndsWith("*");
        clauses.Add(new QueryClause(words, prefix));
    }

    private static List<string> Words(ReadOnlySpan<char> chunk)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in chunk)
        {
            if (IsWordChar(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';

    /// <summary>FTS5 MATCH expression: every clause a quoted string (implicit AND).</summary>
    public string ToFts5()
    {
        var parts = Clauses.Select(c => "\"" + string.Join(' ', c.Words) + "\"" + (c.Prefix ? "*" : ""));
        return string.Join(' ', parts);
    }

    /// <summary>
    /// The tsquery as SQL over parameters (@q0, @q1, ...), combined with &amp;&amp;. Values hold only letters and
    /// digits (plus <c>:*</c> for a prefix), so to_tsquery cannot fail on them.
    /// </summary>
    public (string Sql, IReadOnlyList<KeyValuePair<string, string>> Parameters) ToTsQuery(string config)
    {
        var sql = new List<string>();
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < Clauses.Count; i++)
        {
            var c = Clauses[i];
            var name = "q" + i.ToString(CultureInfo.InvariantCulture);
            if (c.Prefix)
            {
                sql.Add($"to_tsquery('{config}', @{name})");
                parameters.Add(new(name, c.Words[0] + ":*"));
            }
            else
            {
                sql.Add($"{(c.IsPhrase ? "phraseto_tsquery" : "plainto_tsquery")}('{config}', @{name})");
                parameters.Add(new(name, string.Join(' ', c.Words)));
            }
        }

        return ("(" + string.Join(" && ", sql) + ")", parameters);
    }

    /// <summary>Normalised form, used to bind a search page token to its query.</summary>
    public override string ToString() => ToFts5();

    /// <summary>Short stable hash of the normalised query.</summary>
    public string Fingerprint()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ToFts5().ToLowerInvariant()));
        return Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
    }
}
