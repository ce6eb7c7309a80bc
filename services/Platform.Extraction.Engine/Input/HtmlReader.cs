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
internal static partial class HtmlReader
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
    [GeneratedRegex(
        @"(^|[\s_-])(share|sharing|social|related|comments?|newsletter|subscribe|subscription|promo|advert|advertisement|ads?|cookie|" +
        @"breadcrumbs?|menu|sidebar|popup|modal|caption|credit|paywall|tags|navigation|navbar|footer|masthead|byline-social|outbrain|taboola)($|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture { get; }

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
            // IsDropped reads five attributes and may run a regex; the content pick and the emission ask about the
            // same elements, so the answers are kept (by reference: the DOM types may define their own equality).
            var dropped = new Dictionary<IElement, bool>(ReferenceEqualityComparer.Instance);
            var content = PickContent(root, dropped);
            Emit(content, lines, dropped);
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

    [GeneratedRegex(@"""(?<key>datePublished|dateModified)""\s*:\s*""(?<value>[^""]{4,40})""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonLdValue { get; }

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

    private static bool IsDropped(IElement e, Dictionary<IElement, bool> cache)
    {
        ref bool known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cache, e, out bool exists);
        if (!exists) known = IsDropped(e);
        return known;
    }

    /// <summary>The content block: a single article or main element, else the element with the most paragraph text.</summary>
    /// <remarks>
    /// Speed: one walk of the tree, kept as a list in document order. The paragraphs under an article are then the
    /// list entries after it that are deeper than it, and each paragraph's text is read once. A tree nested beyond
    /// the depth cap takes the original route, because a walk from an article reaches deeper than one from the root.
    /// </remarks>
    private static IElement PickContent(IElement root, Dictionary<IElement, bool> dropped)
    {
        var walk = new List<(IElement Element, int Depth)>();
        foreach (var item in Walk(root, dropped))
        {
            if (item.Depth >= MaxDepth) return PickContentByWalks(root);
            walk.Add(item);
        }
        // The text length of each paragraph (0 for other elements).
        var textLength = new int[walk.Count];
        var collapsedLength = new int[walk.Count];
        for (int i = 0; i < walk.Count; i++)
        {
            if (walk[i].Element.LocalName != "p") continue;
            var text = walk[i].Element.TextContent;
            textLength[i] = text.Length;
            collapsedLength[i] = CollapsedLength(text);
        }

        var scores = new Dictionary<IElement, double>();
        IElement? article = null;
        double best = 0;
        for (int i = 0; i < walk.Count; i++)
        {
            var (el, depth) = walk[i];
            if (el.LocalName is "article" or "main" || el.GetAttribute("itemprop") == "articleBody")
            {
                // Sums of ints in a double are exact, so the order of the additions does not matter.
                double length = 0;
                for (int j = i; j < walk.Count && (j == i || walk[j].Depth > depth); j++) length += textLength[j];
                if (length > best) { best = length; article = el; }
            }
            if (el.LocalName == "p") ScoreParagraph(scores, el, collapsedLength[i]);
        }
        return Choose(article, best, scores, root);
    }

    /// <summary>The content pick by separate walks, for trees deeper than the cap.</summary>
    private static IElement PickContentByWalks(IElement root)
    {
        var scores = new Dictionary<IElement, double>();
        IElement? article = null;
        double best = 0;
        foreach (var (el, depth) in Walk(root, null))
        {
            if (el.LocalName is "article" or "main" || el.GetAttribute("itemprop") == "articleBody")
            {
                var length = ParagraphText(el);
                if (length > best) { best = length; article = el; }
            }
            if (el.LocalName == "p") ScoreParagraph(scores, el, CollapsedLength(el.TextContent));
        }
        return Choose(article, best, scores, root);
    }

    /// <summary>A paragraph of 25 characters or more scores its length for its parent and half for its grandparent.</summary>
    private static void ScoreParagraph(Dictionary<IElement, double> scores, IElement p, double len)
    {
        if (len < 25 || p.ParentElement is not { } parent) return;
        scores[parent] = scores.GetValueOrDefault(parent) + len;
        if (parent.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand) + len / 2.0;
    }

    /// <summary>The article element if one holds paragraph text, else the best-scored parent, else the root.</summary>
    private static IElement Choose(IElement? article, double best, Dictionary<IElement, double> scores, IElement root)
    {
        if (article is not null && best > 0) return article;
        IElement? bestElement = null;
        foreach (var (el, score) in scores)
            if (bestElement is null || score > scores[bestElement]) bestElement = el;
        return bestElement ?? root;
    }

    private static double ParagraphText(IElement el)
    {
        double total = 0;
        foreach (var (e, _) in Walk(el, null))
            if (e.LocalName == "p") total += e.TextContent.Length;
        return total;
    }

    /// <summary>Elements under <paramref name="root"/> in document order, skipping dropped subtrees, depth-capped.</summary>
    private static IEnumerable<(IElement Element, int Depth)> Walk(IElement root, Dictionary<IElement, bool>? dropped)
    {
        var stack = new Stack<(IElement, int)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (el, depth) = stack.Pop();
            if (depth > 0 && (dropped is null ? IsDropped(el) : IsDropped(el, dropped))) continue;
            yield return (el, depth);
            if (depth >= MaxDepth) continue;
            // The element children, last first. Speed: the child node list is indexed directly; the Children
            // collection counts and indexes by enumerating, which is quadratic in the number of children.
            var nodes = el.ChildNodes;
            for (int i = nodes.Length - 1; i >= 0; i--)
                if (nodes[i] is IElement child) stack.Push((child, depth + 1));
        }
    }

    /// <summary>Writes text lines: a block element boundary ends a line; blank lines separate blocks.</summary>
    private static void Emit(IElement root, List<string> lines, Dictionary<IElement, bool> dropped)
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
                if (depth > 0 && IsDropped(el, dropped)) continue;
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
        // Speed: runs of non-space characters are copied whole.
        var sb = new StringBuilder(text.Length);
        bool space = false;
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                space = sb.Length > 0;
                i++;
                continue;
            }
            int s = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(text, s, i - s);
        }
        return sb.ToString();
    }

    /// <summary>Collapse(text).Length, without building the string.</summary>
    private static int CollapsedLength(string text)
    {
        int n = 0;
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = n > 0;
                continue;
            }
            if (space) n++;
            space = false;
            n++;
        }
        return n;
    }
}
