namespace Platform.Extraction.Engine.Cleaning;

/// <summary>
/// General knowledge about news publishing: names of wire agencies (the international and national news
/// agencies listed by the news-agency articles of Wikipedia) and words that make a name an organisation.
/// </summary>
internal static class KnownNames
{
    public static readonly HashSet<string> Agencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse", "Xinhua",
        "Xinhua News Agency", "IANS", "Indo-Asian News Service", "PTI", "Press Trust of India", "ANI", "UNI",
        "Bloomberg", "UPI", "United Press International", "dpa", "Deutsche Presse-Agentur", "EFE", "ANSA",
        "Kyodo", "Kyodo News", "Yonhap", "TASS", "RIA Novosti", "Interfax", "Anadolu", "Anadolu Agency",
        "Bernama", "Antara", "CNA", "KCNA", "Sputnik", "PA", "PA Media", "Press Association", "AAP",
        "Canadian Press", "The Canadian Press", "Jiji", "Jiji Press", "KUNA", "WAM", "SPA", "IRNA", "MENA",
        "PNA", "APA", "NNA", "BSS", "Europa Press", "Lusa", "CTK", "PAP", "Ukrinform", "ABC", "BBC", "CNN",
        "China News Service", "Chinadaily.com.cn", "China Daily", "Global Times", "CGTN", "AP Photo", "Agencies",
    };

    /// <summary>Last words that mark a publisher name ("Business Standard", "Korea Times", "Daily Mail").</summary>
    public static readonly HashSet<string> PublisherWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "News", "Agency", "Times", "Post", "Press", "Daily", "Media", "Network", "Service", "Herald", "Journal",
        "Tribune", "Gazette", "Online", "Wire", "Standard", "Telegraph", "Guardian", "Express", "Mail", "Review",
        "Chronicle", "Observer", "Insider", "Today", "Weekly", "Magazine", "Radio", "TV", "Television", "Broadcasting",
        "Newswire",
        // Further title words of newspapers in English ("Evening Courier", "Financial Ledger", "Morning Star").
        "Courier", "Ledger", "Bulletin", "Sentinel", "Examiner", "Dispatch", "Inquirer", "Enquirer", "Mirror",
        "Advertiser", "Courant", "Argus", "Star", "Globe", "Independent", "Record", "Digest",
    };

    /// <summary>Words of the section names of news sites ("World News", "Local News", "Business Today").</summary>
    private static readonly HashSet<string> SectionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "News", "World", "Local", "National", "International", "Regional", "Business", "Latest", "Breaking", "Top",
        "Sport", "Sports", "Politics", "Science", "Health", "Tech", "Technology", "Entertainment", "Opinion", "Home",
        "Economy", "Markets", "Market", "Money", "Finance", "Lifestyle", "Culture", "Arts", "Travel", "Weather", "Video",
        "Live", "Today", "Weekly", "Daily", "Online", "Review", "Media", "Wire", "More", "Other", "General", "City",
        "Metro", "State", "Nation", "Global", "Environment", "Education", "Crime", "Legal", "Law", "And", "&", "the",
    };

    /// <summary>A name made only of section words ("World News", "Business Today") names a section, not a publisher.</summary>
    public static bool IsSectionName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(SectionWords.Contains);
    }

    public static bool IsAgency(string name) => Agencies.Contains(name.Trim().TrimEnd('.'));

    public static bool LooksLikePublisher(string name)
    {
        var n = name.Trim();
        if (n.Length == 0) return false;
        if (IsAgency(n)) return true;
        if (n.Contains(".com", StringComparison.OrdinalIgnoreCase) || n.Contains(".co.", StringComparison.OrdinalIgnoreCase)) return true;
        var words = n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1) return char.IsUpper(words[0][0]);
        return PublisherWords.Contains(words[^1]);
    }
}
