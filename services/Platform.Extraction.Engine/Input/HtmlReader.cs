using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Platform.Extraction.Engine.Input;

/// <summary>
/// HTML to text lines: drops page chrome (nav, header, footer, aside, scripts, forms, figures), picks the main
/// content block (article, main, or the element holding most paragraph text) and writes one line per block.
/// Metadata comes from meta tags (og:title, article:published_time, og:site_name, author) and JSON-LD.
/// Tree walks are iterative with a depth cap, so deeply nested markup cannot exhaust the stack.
/// </summary>
internal static class HtmlReader
{
    private const int MaxDepth = 512;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "figure",
        "figcaption", "button", "select", "input", "textarea", "canvas", "video", "audio", "object", "embed", "menu", "dialog",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "td", "th", "tr", "table", "dd", "dt", "dl", "address", "body", "center",
    };

    // Class and id words of page furniture (share bars, related links, comment threads, paywall boxes).
    private static readonly Regex Furniture = new(
        @"(^|[\s_-])(share|sharing|social|related|comments?|newsletter|subscribe|subscription|promo|advert|advertisement|ads?|cookie|" +
        @"breadcrumbs?|menu|sidebar|popup|modal|caption|credit|paywall|tags|navigation|navbar|footer|masthead|byline-social|outbrain|taboola)($|[\s_-])",
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [ThreadStatic]
    private static HtmlParser? cachedParser;

    public static SourceDocument Read(string html, string charset)
    {
        // One parser per thread: construction is not free, and sharing one across threads is not documented as safe.
        var parser = cachedParser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var hints = ReadHints(document);

        var root = (IElement?)document.Body ?? document.DocumentElement;
        var lines = new List<string>();
        if (root is not null)
        {
            var content = PickContent(root);
            Emit(content, lines);
        }
        return new SourceDocument(lines, Input.MediaTypes.Html, charset, hints);
    }

    private static DocumentHints ReadHints(IDocument document)
    {
        // One pass over the meta elements; first value per name wins.
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var el in document.GetElementsByTagName("meta"))
        {
            var value = el.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(value)) continue;
            foreach (var attr in new[] { "property", "name", "itemprop" })
                if (el.GetAttribute(attr) is { Length: > 0 } key) metas.TryAdd(key, value.Trim());
        }
        string Meta(params string[] names)
        {
            foreach (var name in names)
                if (metas.TryGetValue(name, out var value)) return value;
            return "";
        }

        var title = PickTitle(document, Meta("og:title", "twitter:title"), Meta("og:site_name"));

        var published = Meta("article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date");
        if (published.Length == 0) published = JsonLd(document, "datePublished");
        if (published.Length == 0) published = document.QuerySelector("time[datetime]")?.GetAttribute("datetime") ?? "";
        var updated = Meta("article:modified_time", "dateModified", "last-modified");
        if (updated.Length == 0) updated = JsonLd(document, "dateModified");

        var source = Meta("og:site_name", "application-name", "publisher");
        var byline = Meta("author", "article:author", "byl");
        if (byline.StartsWith("http", StringComparison.OrdinalIgnoreCase)) byline = "";
        if (byline.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) byline = byline[3..].Trim();
        return new DocumentHints { Title = title, PublishedAt = published, UpdatedAt = updated, Source = source, Byline = byline };
    }

    /// <summary>
    /// The headline: an h1 outside page chrome (a site logo is often an h1 in the header), preferring one that agrees
    /// with og:title; else og:title; else the document title without its " | Site" suffix.
    /// </summary>
    private static string PickTitle(IDocument document, string ogTitle, string siteName)
    {
        string? first = null;
        foreach (var h1 in document.GetElementsByTagName("h1"))
        {
            if (InChrome(h1)) continue;
            var text = Collapse(h1.TextContent);
            if (text.Length == 0) continue;
            if (ogTitle.Length > 0 && (ogTitle.StartsWith(text, StringComparison.OrdinalIgnoreCase) || text.StartsWith(ogTitle, StringComparison.OrdinalIgnoreCase)))
                return text;
            first ??= text;
        }
        if (first is not null) return first;
        if (ogTitle.Length > 0) return ogTitle;
        var title = Collapse(document.Title ?? "");
        foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: " })
        {
            int i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > 0 && (siteName.Length == 0 || title[(i + sep.Length)..].Contains(siteName, StringComparison.OrdinalIgnoreCase) || title.Length - i < 40))
                return title[..i].Trim();
        }
        return title;
    }

    private static bool InChrome(IElement element)
    {
        int depth = 0;
        for (var e = element.ParentElement; e is not null && depth < MaxDepth; e = e.ParentElement, depth++)
        {
            if (e.LocalName is "article" or "main") return false;
            if (e.LocalName is "header" or "nav" or "footer" or "aside") return true;
        }
        return false;
    }

    private static readonly Regex JsonLdValue = new(@"""(?<key>datePublished|dateModified)""\s*:\s*""(?<value>[^""]{4,40})""",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static string JsonLd(IDocument document, string key)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            foreach (Match m in JsonLdValue.Matches(script.TextContent))
                if (m.Groups["key"].Value == key) return m.Groups["value"].Value;
        }
        return "";
    }

    private static bool IsDropped(IElement e)
    {
        if (Dropped.Contains(e.LocalName)) return true;
        if (e.GetAttribute("hidden") is not null || e.GetAttribute("aria-hidden") == "true") return true;
        var role = e.GetAttribute("role");
        if (role is "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "dialog") return true;
        var cls = e.GetAttribute("class");
        var id = e.GetAttribute("id");
        return (cls is not null && cls.Length < 200 && Furniture.IsMatch(cls)) || (id is not null && id.Length < 100 && Furniture.IsMatch(id));
    }

    /// <summary>The content block: a single article or main element, else the element with the most paragraph text.</summary>
    private static IElement PickContent(IElement root)
    {
        var scores = new Dictionary<IElement, double>();
        IElement? article = null;
        double best = 0;
        IElement? bestElement = null;
        foreach (var (el, depth) in Walk(root))
        {
            if (el.LocalName is "article" or "main" || el.GetAttribute("itemprop") == "articleBody")
            {
                var length = ParagraphText(el);
                if (length > best) { best = length; article = el; }
            }
            if (el.LocalName == "p")
            {
                var len = Collapse(el.TextContent).Length;
                if (len < 25) continue;
                var parent = el.ParentElement;
                if (parent is null) continue;
                scores[parent] = scores.GetValueOrDefault(parent) + len;
                if (parent.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand) + len / 2.0;
            }
        }
        if (article is not null && best > 0) return article;
        foreach (var (el, score) in scores)
            if (bestElement is null || score > scores[bestElement]) bestElement = el;
        return bestElement ?? root;
    }

    private static double ParagraphText(IElement el)
    {
        double total = 0;
        foreach (var (e, _) in Walk(el))
            if (e.LocalName == "p") total += e.TextContent.Length;
        return total;
    }

    /// <summary>Elements under <paramref name="root"/> in document order, skipping dropped subtrees, depth-capped.</summary>
    private static IEnumerable<(IElement Element, int Depth)> Walk(IElement root)
    {
        var stack = new Stack<(IElement, int)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (el, depth) = stack.Pop();
            if (depth > 0 && IsDropped(el)) continue;
            yield return (el, depth);
            if (depth >= MaxDepth) continue;
            var children = el.Children;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], depth + 1));
        }
    }

    /// <summary>Writes text lines: a block element boundary ends a line; blank lines separate blocks.</summary>
    private static void Emit(IElement root, List<string> lines)
    {
        var buffer = new StringBuilder();
        void Flush()
        {
            var text = Collapse(buffer.ToString());
            buffer.Clear();
            if (text.Length == 0) return;
            if (lines.Count > 0) lines.Add("");
            lines.Add(text);
        }

        // Iterative traversal: (node, depth, leaving)
        var stack = new Stack<(INode Node, int Depth, bool Leaving)>();
        stack.Push((root, 0, false));
        while (stack.Count > 0)
        {
            var (node, depth, leaving) = stack.Pop();
            if (node is IElement el)
            {
                bool block = Blocks.Contains(el.LocalName);
                if (leaving)
                {
                    if (block) Flush();
                    continue;
                }
                if (depth > 0 && IsDropped(el)) continue;
                if (el.LocalName == "br") { Flush(); continue; }
                if (block) Flush();
                stack.Push((el, depth, true));
                if (depth >= MaxDepth)
                {
                    buffer.Append(' ').Append(el.TextContent);
                    continue;
                }
                var children = el.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], depth + 1, false));
            }
            else if (node.NodeType == NodeType.Text)
            {
                buffer.Append(node.TextContent);
            }
        }
        Flush();
    }

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
